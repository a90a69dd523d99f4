#include "core/base/sqlite_db.h"

#include <algorithm>

#include <sqlite3.h>

namespace factdeck::sql {

namespace {
[[noreturn]] void Fail(sqlite3* db, int code, const std::string& what) {
  std::string message = what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  throw SqliteError(db ? sqlite3_extended_errcode(db) : code, message);
}
} // namespace

Database::Database(const std::string& path, Mode mode) : m_path(path) {
  int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        std::string("cannot open ") + path + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    int code = m_db ? sqlite3_extended_errcode(m_db) : rc;
    sqlite3_close(m_db);
    m_db = nullptr;
    throw SqliteError(code, message);
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_timeout(m_db, 2000);
}

Database::Database(const Image& image) : m_path(image.name) {
  int rc = sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc == SQLITE_OK) {
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(image.bytes.size() ? image.bytes.size() : 1));
    if (copy == nullptr) {
      rc = SQLITE_NOMEM;
    } else {
      std::copy(image.bytes.begin(), image.bytes.end(), copy);
      // A file last written in WAL mode (Anki's collections are) says so in bytes 18 and
      // 19; a database in memory has no WAL, so it is read as a rollback-journal file.
      if (image.bytes.size() >= 100 && (copy[18] == 2 || copy[19] == 2)) copy[18] = copy[19] = 1;
      rc = sqlite3_deserialize(m_db, "main", copy, static_cast<sqlite3_int64>(image.bytes.size()),
                               static_cast<sqlite3_int64>(image.bytes.size()),
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    }
  }
  if (rc != SQLITE_OK) {
    std::string message = "cannot read " + image.name + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    const int code = m_db ? sqlite3_extended_errcode(m_db) : rc;
    sqlite3_close(m_db);
    m_db = nullptr;
    throw SqliteError(code, message);
  }
  sqlite3_extended_result_codes(m_db, 1);
  // The file is not trusted: no SQL it stores (views, triggers, generated columns) runs
  // functions with side effects, and no value grows past 64 MiB.
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, 64 << 20);
  // A collation the file names but SQLite lacks (Anki's "unicase" on names) compares
  // case-insensitively, so its indexes can be read.
  sqlite3_collation_needed(m_db, nullptr, [](void*, sqlite3* db, int encoding, const char* name) {
    if (encoding != SQLITE_UTF8) return;
    sqlite3_create_collation_v2(
        db, name, SQLITE_UTF8, nullptr,
        [](void*, int n1, const void* a, int n2, const void* b) {
          const auto* x = static_cast<const unsigned char*>(a);
          const auto* y = static_cast<const unsigned char*>(b);
          for (int i = 0; i < n1 && i < n2; ++i) {
            const int cx = x[i] >= 'A' && x[i] <= 'Z' ? x[i] + 32 : x[i];
            const int cy = y[i] >= 'A' && y[i] <= 'Z' ? y[i] + 32 : y[i];
            if (cx != cy) return cx < cy ? -1 : 1;
          }
          return n1 == n2 ? 0 : n1 < n2 ? -1 : 1;
        },
        nullptr);
  });
}

Database::~Database() { sqlite3_close_v2(m_db); }

void Database::Exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw SqliteError(sqlite3_extended_errcode(m_db), message);
  }
}

Statement Database::Prepare(std::string_view sql) { return Statement(*this, sql); }

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::Changes() const { return sqlite3_changes(m_db); }

std::optional<std::int64_t> Database::QueryInt(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.Step() || statement.IsNull(0)) return std::nullopt;
  return statement.Int(0);
}

std::string Database::QueryText(std::string_view sql) {
  Statement statement(*this, sql);
  return statement.Step() ? statement.Text(0) : std::string();
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db) {
  int rc = sqlite3_prepare_v2(db.Handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
  if (rc != SQLITE_OK) Fail(db.Handle(), rc, "SQL error in \"" + std::string(sql.substr(0, 60)) + "\"");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) { other.m_stmt = nullptr; }

Statement& Statement::Bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK) Fail(m_db->Handle(), rc, "bind");
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK) Fail(m_db->Handle(), rc, "bind");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
      rc != SQLITE_OK)
    Fail(m_db->Handle(), rc, "bind");
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK) Fail(m_db->Handle(), rc, "bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(m_stmt);
  Fail(m_db->Handle(), rc, "SQL step");
}

void Statement::Run() {
  while (Step()) {
  }
  Reset();
}

void Statement::Reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::Real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(m_stmt, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)))
              : std::string();
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : m_db(db) { m_db.Exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!m_done) {
    try {
      m_db.Exec("ROLLBACK");
    } catch (const SqliteError&) {
      // Nothing more can be done: SQLite rolls back on its own when the connection closes.
    }
  }
}

void Transaction::Commit() {
  m_db.Exec("COMMIT");
  m_done = true;
}

} // namespace factdeck::sql

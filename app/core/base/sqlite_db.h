// A small RAII layer over SQLite's C API: a connection, prepared statements, transactions.
// Errors throw SqliteError with SQLite's result code, so callers can tell a full disk
// from a locked or corrupt file; the store turns them into messages for people.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace factdeck::sql {

class SqliteError : public std::runtime_error {
public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  int Code() const { return m_code; } // the extended result code
  int PrimaryCode() const { return m_code & 0xFF; }

private:
  int m_code;
};

class Statement;

class Database {
public:
  enum class Mode { ReadWrite, ReadOnly };
  // Opens (creating when `mode` allows) the database file.
  Database(const std::string& path, Mode mode = Mode::ReadWrite);
  // A read-only database in memory from a database file's bytes (an Anki collection
  // unpacked from its package); `name` is for messages.
  struct Image {
    std::string_view bytes;
    std::string name;
  };
  explicit Database(const Image& image);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void Exec(std::string_view sql); // one or more statements, no results
  Statement Prepare(std::string_view sql);
  std::int64_t LastInsertId() const;
  int Changes() const;
  // The first column of the first row of a query, or nullopt when there is none.
  std::optional<std::int64_t> QueryInt(std::string_view sql);
  std::string QueryText(std::string_view sql);

  sqlite3* Handle() const { return m_db; }
  const std::string& Path() const { return m_path; }

private:
  sqlite3* m_db = nullptr;
  std::string m_path;
};

class Statement {
public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are numbered from 1, as in SQL's ?1.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& BindNull(int index);

  // Runs to the next row; false when done.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();
  // Back to the start, bindings cleared, for the next use.
  void Reset();

  // Columns are numbered from 0.
  std::int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

private:
  Database* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when left without Commit().
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  void Commit();

private:
  Database& m_db;
  bool m_done = false;
};

} // namespace factdeck::sql

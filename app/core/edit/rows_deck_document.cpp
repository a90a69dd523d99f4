// The editor's view of a CSV or TSV deck: each item a row, its fields the file's own columns
// (named by the header row, else by their role). A changed cell is written where it stands,
// quoted only when it must be, in the file's delimiter; a new row takes the file's line end.
#include <algorithm>
#include <map>

#include "core/base/text.h"
#include "core/edit/deck_document.h"
#include "core/import/csv.h"

namespace factdeck::edit {

namespace {

ItemKind KindOfReading(ReadAs as) {
  switch (as) {
  case ReadAs::Quiz: return ItemKind::Choice;
  case ReadAs::Events: return ItemKind::Event;
  case ReadAs::Table: return ItemKind::Entity;
  default: return ItemKind::Card;
  }
}

// Past a cell starting at `i`: a quoted one to its closing quote, else to the delimiter or the line's end.
size_t CellEnd(std::string_view text, size_t i, char delimiter) {
  if (i < text.size() && text[i] == '"') {
    ++i;
    while (i < text.size()) {
      if (text[i] == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          i += 2;
          continue;
        }
        ++i;
        break;
      }
      ++i;
    }
  }
  while (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
    ++i;
  return i;
}

std::string QuotedCell(const std::string& cell, char delimiter) {
  std::string out = FormatCsvRecord({cell}, delimiter);
  out.resize(out.size() - 2); // its CRLF
  return out;
}

class RowsDeckDocument final : public DeckDocument {
public:
  RowsDeckDocument(std::string text, std::string fileName, const TableShape& shape)
      : m_text(std::move(text)), m_fileName(std::move(fileName)), m_shape(shape) {
    Scan();
  }
  const std::string& Text() const override { return m_text; }
  bool Apply(const TextEdit& edit) override {
    if (!ApplyTextEdit(m_text, edit)) return false;
    Scan();
    return true;
  }
  void Reset(std::string text) override {
    m_text = std::move(text);
    Scan();
  }
  bool Rows() const override { return true; }

  std::vector<EditItem> Items(const Deck& deck) const override {
    std::map<int, std::pair<const std::string*, std::string>> at; // line -> id, title
    for (const Card& c : deck.cards)
      at[c.pos.line] = {&c.id, c.front};
    for (const Event& e : deck.events)
      at[e.pos.line] = {&e.id, e.name + " (" + EventWhen(e) + ")"};
    for (const Choice& c : deck.choices)
      at[c.pos.line] = {&c.id, c.question};
    for (const Entity& e : deck.entities)
      at[e.pos.line] = {&e.id, e.name};
    std::vector<EditItem> items;
    const ItemKind kind = KindOfReading(m_shape.reading.as);
    for (size_t r = FirstRow(); r < m_records.size(); ++r) {
      EditItem item;
      item.kind = kind;
      item.place = r;
      item.line = m_records[r].positions.empty() ? 0 : m_records[r].positions[0].line;
      item.lastLine = m_records[r].positions.empty() ? 0 : m_records[r].positions.back().line;
      if (auto it = at.find(item.line); it != at.end()) {
        item.id = *it->second.first;
        item.title = it->second.second;
      } else {
        for (const std::string& cell : m_records[r].fields)
          if (item.title.empty()) item.title = cell;
      }
      item.explicitId = std::find(m_shape.reading.roles.begin(), m_shape.reading.roles.end(), ColumnRole::Id) !=
                        m_shape.reading.roles.end();
      items.push_back(std::move(item));
    }
    return items;
  }

  std::vector<FieldInfo> Fields(const EditItem&) const override {
    std::vector<FieldInfo> fields;
    const size_t width = std::max(m_shape.width, m_shape.reading.roles.size());
    for (size_t c = 0; c < width; ++c) {
      FieldInfo f;
      f.key = std::to_string(c);
      const ColumnRole role = c < m_shape.reading.roles.size() ? m_shape.reading.roles[c] : ColumnRole::Ignore;
      const std::string header = HeaderCell(c);
      f.label = header.empty() ? std::string(ColumnRoleLabel(role)) : header;
      f.hint = std::string("column ") + static_cast<char>('A' + std::min<size_t>(c, 25)) + ": " +
               (role == ColumnRole::Ignore ? "not read into the deck" : ColumnRoleLabel(role));
      const bool paragraph = role == ColumnRole::Front || role == ColumnRole::Back || role == ColumnRole::Question ||
                             role == ColumnRole::Explanation || role == ColumnRole::Note || role == ColumnRole::Event;
      f.type = role == ColumnRole::Date || role == ColumnRole::End ? FieldType::Date
               : paragraph                                         ? FieldType::Text
                                                                   : FieldType::Line;
      f.required = role == ColumnRole::Front || role == ColumnRole::Back || role == ColumnRole::Question ||
                   role == ColumnRole::Date || role == ColumnRole::Event || role == ColumnRole::Name;
      fields.push_back(std::move(f));
    }
    return fields;
  }

  std::string Field(const EditItem& item, std::string_view key) const override {
    const size_t c = Column(key);
    if (item.place >= m_records.size() || c >= m_records[item.place].fields.size()) return {};
    return m_records[item.place].fields[c];
  }

  std::string FieldAtLine(const EditItem&, int) const override { return {}; }

  std::vector<TextEdit> SetField(const EditItem& item, std::string_view key, const std::string& text, const Deck&,
                                 std::string& why) const override {
    const size_t c = Column(key);
    if (item.place >= m_records.size() || c == std::string::npos) {
      why = "this row has no such column";
      return {};
    }
    const CsvRecord& record = m_records[item.place];
    std::string cell = text;
    while (!cell.empty() && (cell.back() == '\n' || cell.back() == '\r'))
      cell.pop_back();
    if (c < record.fields.size()) {
      if (record.fields[c] == cell) return {};
      const size_t begin = CellStart(record.positions[c]);
      const size_t end = CellEnd(m_text, begin, m_delimiter);
      return {TextEdit{begin, m_text.substr(begin, end - begin), QuotedCell(cell, m_delimiter)}};
    }
    // A row shorter than the column: the cells between come empty.
    const size_t end = CellEnd(m_text, CellStart(record.positions.back()), m_delimiter);
    std::string added(c - record.fields.size() + 1, m_delimiter);
    return {TextEdit{end, "", added + QuotedCell(cell, m_delimiter)}};
  }

  std::vector<ItemKind> Addable() const override { return {KindOfReading(m_shape.reading.as)}; }

  std::vector<TextEdit> AddItem(ItemKind kind, const std::string&, const std::vector<EditItem>&,
                                std::string& why) const override {
    if (kind != KindOfReading(m_shape.reading.as)) {
      why = std::string("this file's columns hold ") + ItemKindLabel(KindOfReading(m_shape.reading.as)) +
            "s only: save it as a facts file to add " + ItemKindLabel(kind) + "s";
      return {};
    }
    const size_t width = std::max<size_t>(1, std::max(m_shape.width, m_shape.reading.roles.size()));
    std::string row(width - 1, m_delimiter);
    std::string lead;
    if (!m_text.empty() && m_text.back() != '\n' && m_text.back() != '\r') lead = m_lineEnd;
    return {TextEdit{m_text.size(), "", lead + row + m_lineEnd}};
  }

  std::vector<TextEdit> DuplicateItem(const EditItem& item, const std::string&, const std::vector<EditItem>&,
                                      std::string& why) const override {
    if (item.place >= m_records.size()) {
      why = "no such row";
      return {};
    }
    const auto [begin, end] = RowSpan(item.place);
    std::string row = m_text.substr(begin, end - begin);
    while (!row.empty() && (row.back() == '\n' || row.back() == '\r'))
      row.pop_back();
    // After the row's own line end; a last row without one gets one first.
    const bool ended = end > begin && (m_text[end - 1] == '\n' || m_text[end - 1] == '\r');
    return {TextEdit{end, "", ended ? row + m_lineEnd : m_lineEnd + row}};
  }

  std::vector<TextEdit> RemoveItem(const EditItem& item, const std::vector<EditItem>&,
                                   std::string& why) const override {
    if (item.place >= m_records.size()) {
      why = "no such row";
      return {};
    }
    const auto [begin, end] = RowSpan(item.place);
    return {TextEdit{begin, m_text.substr(begin, end - begin), ""}};
  }

private:
  void Scan() {
    CsvParse parse = ParseCsv(m_text, m_fileName);
    m_records = std::move(parse.table.records);
    m_delimiter = parse.table.delimiter;
    // Lines as the CSV reader counts them: LF, CRLF, or a lone CR (old Mac files).
    const bool crlf = m_text.find("\r\n") != std::string::npos;
    const bool crOnly = !crlf && m_text.find('\n') == std::string::npos && m_text.find('\r') != std::string::npos;
    m_lineEnd = crlf ? "\r\n" : crOnly ? "\r" : "\n";
    m_lineStarts.assign(1, 0);
    for (size_t i = 0; i < m_text.size(); ++i)
      if (m_text[i] == '\n' || (m_text[i] == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n')))
        m_lineStarts.push_back(i + 1);
  }

  size_t FirstRow() const { return m_shape.reading.header >= 0 ? static_cast<size_t>(m_shape.reading.header) + 1 : 0; }

  std::string HeaderCell(size_t c) const {
    if (m_shape.reading.header < 0 || static_cast<size_t>(m_shape.reading.header) >= m_records.size()) return {};
    const CsvRecord& header = m_records[static_cast<size_t>(m_shape.reading.header)];
    return c < header.fields.size() ? header.fields[c] : std::string();
  }

  static size_t Column(std::string_view key) {
    size_t c = 0;
    if (key.empty()) return std::string::npos;
    for (char ch : key) {
      if (ch < '0' || ch > '9') return std::string::npos;
      c = c * 10 + static_cast<size_t>(ch - '0');
    }
    return c;
  }

  // The byte where a cell begins: its line's start, then its column in characters.
  size_t CellStart(Position pos) const {
    size_t i = pos.line >= 1 && static_cast<size_t>(pos.line) <= m_lineStarts.size() ? m_lineStarts[pos.line - 1] : 0;
    if (i == 0 && m_text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    for (int col = 1; col < pos.column && i < m_text.size(); ++col) {
      ++i;
      while (i < m_text.size() && !StartsCharacter(m_text[i]))
        ++i;
    }
    return i;
  }

  // A row's bytes, with its line end.
  std::pair<size_t, size_t> RowSpan(size_t r) const {
    const CsvRecord& record = m_records[r];
    size_t begin = CellStart(record.positions[0]);
    size_t end = CellEnd(m_text, CellStart(record.positions.back()), m_delimiter);
    if (end < m_text.size() && m_text[end] == '\r') ++end;
    if (end < m_text.size() && m_text[end] == '\n') ++end;
    return {begin, end};
  }

  std::string m_text, m_fileName;
  TableShape m_shape;
  std::vector<CsvRecord> m_records;
  char m_delimiter = ',';
  std::string m_lineEnd = "\n";
  std::vector<size_t> m_lineStarts;
};

} // namespace

std::unique_ptr<DeckDocument> MakeRowsDocument(std::string text, const std::string& fileName, const TableShape& shape,
                                               const Deck&) {
  return std::make_unique<RowsDeckDocument>(std::move(text), fileName, shape);
}

} // namespace factdeck::edit

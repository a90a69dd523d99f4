#include "core/deck/table_reading.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace factdeck {

namespace {

struct RoleInfo {
  ColumnRole role;
  const char* name;
  const char* label;
};

constexpr std::array<RoleInfo, 21> kRoles{{
    {ColumnRole::Ignore, "ignore", "Left out"},
    {ColumnRole::Front, "front", "Front of the card"},
    {ColumnRole::Back, "back", "Back of the card"},
    {ColumnRole::Date, "date", "Date"},
    {ColumnRole::Event, "event", "What happened"},
    {ColumnRole::End, "end", "End date"},
    {ColumnRole::Place, "place", "Place"},
    {ColumnRole::Note, "note", "Note"},
    {ColumnRole::Tags, "tags", "Tags"},
    {ColumnRole::Id, "id", "Id"},
    {ColumnRole::Image, "image", "Picture file"},
    {ColumnRole::Credit, "credit", "Picture credit"},
    {ColumnRole::Question, "question", "Question"},
    {ColumnRole::Option, "option", "An option"},
    {ColumnRole::Correct, "correct", "Right answer"},
    {ColumnRole::Incorrect, "incorrect", "A wrong answer"},
    {ColumnRole::Time, "time", "Time limit"},
    {ColumnRole::Explanation, "explanation", "Explanation"},
    {ColumnRole::Type, "type", "Question type"},
    {ColumnRole::Name, "name", "Names the row"},
    {ColumnRole::Attribute, "attribute", "A fact about the row"},
}};

constexpr std::array<std::pair<ReadAs, const char*>, 5> kReadAs{{
    {ReadAs::Auto, "auto"},
    {ReadAs::Quiz, "quiz"},
    {ReadAs::Cards, "cards"},
    {ReadAs::Events, "events"},
    {ReadAs::Table, "table"},
}};

const RoleInfo& Info(ColumnRole role) {
  for (const RoleInfo& info : kRoles)
    if (info.role == role) return info;
  return kRoles[0];
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> Split(std::string_view text, char on) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = text.find(on, start);
    parts.push_back(Trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

} // namespace

const char* ReadAsName(ReadAs as) {
  for (const auto& [value, name] : kReadAs)
    if (value == as) return name;
  return "auto";
}

std::optional<ReadAs> ReadAsNamed(std::string_view name) {
  for (const auto& [value, known] : kReadAs)
    if (name == known) return value;
  return std::nullopt;
}

const char* ColumnRoleName(ColumnRole role) { return Info(role).name; }
const char* ColumnRoleLabel(ColumnRole role) { return Info(role).label; }

std::optional<ColumnRole> ColumnRoleNamed(std::string_view name) {
  for (const RoleInfo& info : kRoles)
    if (name == info.name) return info.role;
  return std::nullopt;
}

std::vector<ColumnRole> RolesOf(ReadAs as) {
  using R = ColumnRole;
  switch (as) {
  case ReadAs::Quiz:
    return {R::Ignore, R::Question,    R::Option, R::Correct, R::Incorrect,
            R::Time,   R::Explanation, R::Tags,   R::Id,      R::Type};
  case ReadAs::Cards: return {R::Ignore, R::Front, R::Back, R::Tags, R::Id, R::Image, R::Credit};
  case ReadAs::Events:
    return {R::Ignore, R::Date, R::Event, R::End, R::Place, R::Note, R::Tags, R::Id, R::Image, R::Credit};
  case ReadAs::Table: return {R::Ignore, R::Name, R::Attribute};
  case ReadAs::Auto: break;
  }
  return {R::Ignore};
}

std::string FormatReading(const TableReading& reading) {
  if (reading.as == ReadAs::Auto) return "auto";
  std::string text = ReadAsName(reading.as);
  text += reading.header < 0 ? "; no header" : "; header " + std::to_string(reading.header + 1);
  text += ";";
  for (size_t c = 0; c < reading.roles.size(); ++c)
    text += std::string(c == 0 ? " " : ", ") + ColumnRoleName(reading.roles[c]);
  return text;
}

std::optional<TableReading> ParseReading(std::string_view text) {
  const std::vector<std::string_view> parts = Split(text, ';');
  TableReading reading;
  const auto as = ReadAsNamed(parts[0]);
  if (!as) return std::nullopt;
  reading.as = *as;
  if (*as == ReadAs::Auto) return parts.size() == 1 ? std::optional<TableReading>(reading) : std::nullopt;
  if (parts.size() != 3) return std::nullopt;
  if (parts[1] != "no header") {
    constexpr std::string_view kHeader = "header ";
    if (parts[1].substr(0, kHeader.size()) != kHeader) return std::nullopt;
    const std::string_view number = Trim(parts[1].substr(kHeader.size()));
    int row = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), row);
    if (error != std::errc() || end != number.data() + number.size() || row < 1 || row > 1000) return std::nullopt;
    reading.header = row - 1;
  }
  if (parts[2].empty()) return std::nullopt;
  const std::vector<ColumnRole> offered = RolesOf(reading.as);
  for (std::string_view name : Split(parts[2], ',')) {
    const auto role = ColumnRoleNamed(name);
    if (!role || std::find(offered.begin(), offered.end(), *role) == offered.end() || reading.roles.size() >= 1000)
      return std::nullopt;
    reading.roles.push_back(*role);
  }
  return reading;
}

TableReading SwitchReading(const TableReading& reading, ReadAs as, size_t width) {
  TableReading to{as, reading.header, reading.roles};
  to.roles.resize(width, ColumnRole::Ignore);
  if (as == ReadAs::Auto) return {};
  if (as == ReadAs::Table && to.header < 0) to.header = 0;
  const std::vector<ColumnRole> offered = RolesOf(as);
  for (ColumnRole& role : to.roles)
    if (std::find(offered.begin(), offered.end(), role) == offered.end()) role = ColumnRole::Ignore;
  if (ReadingProblem(to).empty() || width == 0) return to;
  std::fill(to.roles.begin(), to.roles.end(), ColumnRole::Ignore);
  auto set = [&](size_t c, ColumnRole role) {
    if (c < width) to.roles[c] = role;
  };
  switch (as) {
  case ReadAs::Quiz:
    set(0, ColumnRole::Question);
    for (size_t c = 1; c + 1 < width; ++c)
      set(c, ColumnRole::Option);
    if (width > 1) set(width - 1, ColumnRole::Correct);
    break;
  case ReadAs::Cards:
    set(0, ColumnRole::Front);
    set(1, ColumnRole::Back);
    break;
  case ReadAs::Events:
    set(0, ColumnRole::Date);
    set(1, ColumnRole::Event);
    break;
  case ReadAs::Table:
    set(0, ColumnRole::Name);
    for (size_t c = 1; c < width; ++c)
      set(c, ColumnRole::Attribute);
    break;
  case ReadAs::Auto: break;
  }
  return to;
}

std::string ReadingProblem(const TableReading& reading) {
  auto count = [&](ColumnRole role) {
    return static_cast<size_t>(std::count(reading.roles.begin(), reading.roles.end(), role));
  };
  auto missing = [&](ColumnRole role) {
    return count(role) == 0 ? std::string("no column is read as \"") + ColumnRoleLabel(role) + "\"" : std::string();
  };
  std::string problem;
  switch (reading.as) {
  case ReadAs::Auto: return {};
  case ReadAs::Cards:
    problem = missing(ColumnRole::Front);
    return problem.empty() ? missing(ColumnRole::Back) : problem;
  case ReadAs::Events:
    problem = missing(ColumnRole::Date);
    return problem.empty() ? missing(ColumnRole::Event) : problem;
  case ReadAs::Quiz:
    problem = missing(ColumnRole::Question);
    if (problem.empty()) problem = missing(ColumnRole::Correct);
    if (!problem.empty()) return problem;
    if (count(ColumnRole::Option) > 0 && count(ColumnRole::Incorrect) > 0)
      return "columns are read both as options and as wrong answers: choose one way (options with the right "
             "one named by letter, number or text, or the right answer beside the wrong ones)";
    if (count(ColumnRole::Option) == 1) return "only one column is read as an option: a question needs two or more";
    if (count(ColumnRole::Option) == 0 && count(ColumnRole::Incorrect) == 0)
      return "no column is read as an option or a wrong answer";
    return {};
  case ReadAs::Table:
    if (reading.header < 0) return "a table needs a header row: its names say what each column is";
    problem = missing(ColumnRole::Name);
    if (problem.empty() && count(ColumnRole::Name) > 1) return "only one column can name the rows";
    return problem.empty() ? missing(ColumnRole::Attribute) : problem;
  }
  return {};
}

} // namespace factdeck

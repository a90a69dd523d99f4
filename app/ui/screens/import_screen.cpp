// The import preview: how a file of rows (CSV, TSV, a spreadsheet's sheet) or an Anki
// package will be read, shown before it is listed: the kind of deck, the header row, each
// column's role (all of which can be changed), the first questions a student will meet and
// the rows left out, with why. Open keeps the reading for the file.
#include <algorithm>
#include <string>

#include "core/base/text.h"
#include "ui/screens/game_widgets.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

constexpr ReadAs kKinds[] = {ReadAs::Quiz, ReadAs::Cards, ReadAs::Events, ReadAs::Table};
constexpr size_t kMostColumnsShown = 60;

const char* KindLabel(ReadAs as) {
  switch (as) {
  case ReadAs::Quiz: return "Quiz questions (a question, its options, the right answer)";
  case ReadAs::Cards: return "Flashcards (front and back)";
  case ReadAs::Events: return "Chronology (dated events)";
  case ReadAs::Table: return "Table of facts (one row about each thing)";
  case ReadAs::Auto: break;
  }
  return "As FactDeck finds it";
}

// "A", "B", ... "Z", "AA": a column as spreadsheets name it.
std::string ColumnLetters(size_t c) {
  std::string letters;
  for (size_t n = c + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

// Row `row` (among those not blank) as the header choice names it: its number in the file
// and its cells joined, or "None" (row -1).
std::string RowLabel(const TableShape& shape, int row) {
  if (row < 0) return "None: every row is read";
  const size_t r = static_cast<size_t>(row);
  std::string label = "Row " + std::to_string(r < shape.topLines.size() ? shape.topLines[r] : row + 1);
  if (r >= shape.top.size()) return label; // past the rows shown (a reading kept in the settings)
  std::string text;
  for (const std::string& cell : shape.top[r])
    if (!cell.empty()) text += (text.empty() ? "" : " | ") + cell;
  return label + ": " + FirstLineCut(text, 70);
}

const std::string& Cell(const TableShape& shape, size_t row, size_t column) {
  static const std::string kNone;
  return row < shape.top.size() && column < shape.top[row].size() ? shape.top[row][column] : kNone;
}

// What the file holds and which row names the columns; the way back to FactDeck's own reading.
void DrawReadingChoice(UiContext& ui, const ImportPreviewState& preview, const TableShape& shape) {
  const TableReading& reading = shape.reading;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Read as");
  ImGui::SameLine(8 * ui.Em());
  ImGui::SetNextItemWidth(30 * ui.Em());
  if (ImGui::BeginCombo("##read-as", KindLabel(reading.as))) {
    for (ReadAs as : kKinds) {
      if (ImGui::Selectable(KindLabel(as), as == reading.as) && as != reading.as)
        ui.Post(ChangeReading{SwitchReading(reading, as, shape.width)});
      ui.Track(std::string("import/read-as/") + ReadAsName(as));
    }
    ImGui::EndCombo();
  }
  ui.Track("import/read-as");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Header row");
  ImGui::SameLine(8 * ui.Em());
  ImGui::SetNextItemWidth(30 * ui.Em());
  if (ImGui::BeginCombo("##header", RowLabel(shape, reading.header).c_str())) {
    for (int row = -1; row < static_cast<int>(std::min<size_t>(shape.top.size(), 10)); ++row) {
      const std::string label = RowLabel(shape, row);
      ImGui::PushID(row);
      if (ImGui::Selectable(label.c_str(), row == reading.header) && row != reading.header) {
        TableReading changed = reading;
        changed.header = row;
        ui.Post(ChangeReading{changed});
      }
      ui.Track("import/header/" + std::to_string(row + 1));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ui.Track("import/header");
  if (preview.reading.table.as != ReadAs::Auto) {
    SameLineIfFits(ButtonWidth("As FactDeck finds it"));
    if (ImGui::Button("As FactDeck finds it")) ui.Post(ChangeReading{TableReading{}});
    ui.Track("import/own");
  }
}

// Each column: its letter, its name in the header row, its first values and its role.
void DrawColumns(UiContext& ui, const TableShape& shape) {
  const TableReading& reading = shape.reading;
  const size_t shown = std::min(shape.width, kMostColumnsShown);
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  // The header and up to eight rows of combo boxes; more scroll.
  const float padding = 2 * ImGui::GetStyle().CellPadding.y;
  const float height = ImGui::GetTextLineHeight() + padding +
                       static_cast<float>(std::min<size_t>(shown, 8)) * (ImGui::GetFrameHeight() + padding) + 2;
  if (!ImGui::BeginTable("columns", 4, kFlags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthFixed, 4 * ui.Em());
  ImGui::TableSetupColumn(reading.header < 0 ? "(no header)" : "Header", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("First values", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("Read as", ImGuiTableColumnFlags_WidthFixed, 13 * ui.Em());
  ImGui::TableHeadersRow();
  const size_t firstRow = static_cast<size_t>(reading.header + 1);
  const std::vector<ColumnRole> offered = RolesOf(reading.as);
  for (size_t c = 0; c < shown; ++c) {
    ImGui::PushID(static_cast<int>(c));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ColumnLetters(c).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", reading.header < 0 ? "" : Cell(shape, firstRow - 1, c).c_str());
    ImGui::TableNextColumn();
    std::string values;
    for (size_t r = firstRow; r < shape.top.size() && r < firstRow + 3; ++r)
      if (!Cell(shape, r, c).empty()) values += (values.empty() ? "" : " \xC2\xB7 ") + Cell(shape, r, c);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextUnformatted(FirstLineCut(values, 90).c_str());
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    const ColumnRole role = c < reading.roles.size() ? reading.roles[c] : ColumnRole::Ignore;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##role", ColumnRoleLabel(role))) {
      for (ColumnRole option : offered) {
        if (ImGui::Selectable(ColumnRoleLabel(option), option == role) && option != role) {
          TableReading changed = reading;
          changed.roles.resize(shape.width, ColumnRole::Ignore);
          changed.roles[c] = option;
          ui.Post(ChangeReading{changed});
        }
        ui.Track("import/column/" + std::to_string(c) + "/" + ColumnRoleName(option));
      }
      ImGui::EndCombo();
    }
    ui.Track("import/column/" + std::to_string(c));
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (shape.width > shown) ImGui::TextDisabled("and %zu more columns, left out", shape.width - shown);
  // What the roles of this kind mean, in a line.
  const char* help = nullptr;
  switch (reading.as) {
  case ReadAs::Quiz:
    help = "Options are the answers shown, numbered in column order: the right answer names one by its letter, "
           "number or text (several: B,D). Or write the right answer out beside wrong answers written out.";
    break;
  case ReadAs::Table:
    help = "One column names each row's thing; every column read as a fact about it becomes questions both ways.";
    break;
  case ReadAs::Cards: help = "The front is asked; the back is the answer."; break;
  case ReadAs::Events: help = "Each row is an event at its date, to place in time and to order."; break;
  case ReadAs::Auto: break;
  }
  if (help) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("%s", help);
    ImGui::PopStyleColor();
  }
}

// The first items as a student meets them: the prompt, the options with the right ones marked.
void DrawSample(UiContext& ui, const ImportPreviewState& preview) {
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(preview.sample.empty() ? "No question can be made from the first rows"
                                                : "The first questions, as a student sees them");
  ImGui::PopFont();
  for (size_t i = 0; i < preview.sample.size(); ++i)
    QuestionAsSeen(ui, preview.sample[i], i + 1);
  ui.Track("import/sample");
}

// A list that opens on demand: the rows left out, the other warnings.
void DrawList(UiContext& ui, const char* id, const std::string& label, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
  const bool open = ImGui::TreeNode(id, "\xE2\x9A\xA0 %s", label.c_str());
  ImGui::PopStyleColor();
  ui.Track(std::string("import/") + id);
  if (!open) return;
  constexpr size_t kMostLines = 200;
  for (size_t i = 0; i < lines.size() && i < kMostLines; ++i)
    ImGui::TextWrapped("%s", lines[i].c_str());
  if (lines.size() > kMostLines) ImGui::TextDisabled("and %zu more", lines.size() - kMostLines);
  ImGui::TreePop();
}

} // namespace

void DrawImportScreen(UiContext& ui) {
  const ImportPreviewState* preview = ui.state.preview.get();
  if (!preview) {
    BackButton(ui, "import");
    ImGui::TextWrapped("Open a CSV or TSV file, a spreadsheet or an Anki package on the home screen to see how it "
                       "is read before it is listed.");
    return;
  }
  ContentColumn column(ui, 60);
  Heading(ui, ("Opening " + preview->path.filename().string()).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("%s, %s", preview->fileKind.c_str(), preview->path.parent_path().string().c_str());
  ImGui::PopStyleColor();
  // The actions first: on a small window the columns and questions below scroll.
  if (ImGui::Button("Open", ImVec2(7 * ui.Em(), 0))) ui.Post(ConfirmImport{});
  ui.Track("import/open");
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(7 * ui.Em(), 0))) ui.Post(CancelImport{});
  ui.Track("import/cancel");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped(
      "%s", !preview->errors.empty() ? "Open lists the file with its errors, to fix it and read it again."
            : preview->reading.table.as == ReadAs::Auto ? "Open lists the deck, read as shown here."
                                                        : "Open lists the deck and keeps this reading for the file.");
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (preview->shape) DrawReadingChoice(ui, *preview, *preview->shape);
  ImGui::Spacing();
  if (!preview->errors.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->wrong);
    ImGui::TextWrapped("%s %zu %s: as it is read now, the file gives no deck", kWrongMark, preview->errors.size(),
                       preview->errors.size() == 1 ? "error" : "errors");
    ImGui::PopStyleColor();
    for (const std::string& error : preview->errors)
      ImGui::TextWrapped("%s", error.c_str());
  } else {
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextWrapped("\"%s\": %s", preview->title.c_str(), SummaryText(preview->summary).c_str());
    ImGui::PopFont();
  }
  ui.Track("import/result");
  if (!preview->notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::TextWrapped("\xE2\x9A\xA0 %s", preview->notice.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (preview->shape) DrawColumns(ui, *preview->shape);
  ImGui::Spacing();
  if (preview->errors.empty()) DrawSample(ui, *preview);
  ImGui::Spacing();
  const size_t skipped = preview->skipped.size();
  DrawList(ui, "left-out",
           std::to_string(skipped) + (skipped == 1 ? " row is" : " rows are") + " left out (open to see why)",
           preview->skipped);
  DrawList(ui, "warnings",
           std::to_string(preview->warnings.size()) + (preview->warnings.size() == 1 ? " warning" : " warnings"),
           preview->warnings);
}

} // namespace factdeck::ui

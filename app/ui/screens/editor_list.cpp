// The deck editor's item list: search (Ctrl+F), a kind, a tag, only items with problems or
// reported by learners; "New" adds an item of a kind. Long decks are drawn a screenful at a time.
#include <algorithm>
#include <set>

#include "core/base/text.h"
#include "ui/screens/editor_parts.h"

namespace factdeck::ui {

namespace {

// The items the filters let through, made again only when the text or a filter changed.
void Filter(const EditorState& editor, EditorWidgets& w) {
  const edit::EditSession& session = *editor.session;
  const std::string key = std::to_string(editor.revision) + "\x1f" + w.search + "\x1f" + w.tag + "\x1f" +
                          std::to_string(w.kind) + (w.problemsOnly ? "p" : "") + (w.reportedOnly ? "r" : "") +
                          (session.Checking() ? "c" : "");
  if (key == w.shownKey) return;
  w.shownKey = key;
  w.shown.clear();
  const auto& items = session.Items();
  // The titles folded once per text (not per key typed in the search box).
  const std::string search = Fold(w.search), tag = Fold(w.tag);
  if (!search.empty() && w.foldedRevision != editor.revision + 1) {
    w.folded.clear();
    w.folded.reserve(items.size());
    for (const edit::EditItem& item : items)
      w.folded.push_back(Fold(item.title) + "\x1f" + Fold(item.id));
    w.foldedRevision = editor.revision + 1;
  }
  w.kindCounts.assign(std::size(edit::kAllItemKinds), 0);
  for (const edit::EditItem& item : items)
    ++w.kindCounts[static_cast<size_t>(item.kind)];
  std::vector<int> problemLines;
  for (const Diagnostic& d : session.Checked())
    problemLines.push_back(d.pos.line);
  std::sort(problemLines.begin(), problemLines.end());
  std::set<std::string> reported;
  for (const QuestionReport& r : editor.reports)
    reported.insert(r.item);
  for (size_t i = 0; i < items.size(); ++i) {
    const edit::EditItem& item = items[i];
    if (w.kind >= 0 && static_cast<int>(item.kind) != w.kind) continue;
    if (w.reportedOnly && !reported.count(item.id)) continue;
    if (w.problemsOnly) {
      auto at = std::lower_bound(problemLines.begin(), problemLines.end(), item.line);
      if (at == problemLines.end() || *at > std::max(item.line, item.lastLine)) continue;
    }
    if (!search.empty() && w.folded[i].find(search) == std::string::npos) continue;
    if (!tag.empty() && Fold(session.Field(i, "tags")).find(tag) == std::string::npos) continue;
    w.shown.push_back(i);
  }
}

void Filters(UiContext& ui, const EditorState& editor, EditorWidgets& w) {
  if (w.focusSearch) {
    ImGui::SetKeyboardFocusHere();
    w.focusSearch = false;
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "Find (Ctrl+F)", &w.search);
  ui.Track("editor/search");
  const auto& items = editor.session->Items();
  const std::vector<size_t>& counts = w.kindCounts;
  const std::string all = "All items (" + CountText(items.size()) + ")";
  const std::string current = w.kind < 0 ? all
                                         : std::string(edit::ItemKindLabel(static_cast<edit::ItemKind>(w.kind))) +
                                               " (" + CountText(counts[static_cast<size_t>(w.kind)]) + ")";
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##kind", current.c_str())) {
    if (ImGui::Selectable(all.c_str(), w.kind < 0)) w.kind = -1;
    for (edit::ItemKind kind : edit::kAllItemKinds) {
      const size_t n = counts[static_cast<size_t>(kind)];
      if (n == 0) continue;
      const std::string label = std::string(edit::ItemKindLabel(kind)) + " (" + CountText(n) + ")";
      if (ImGui::Selectable(label.c_str(), w.kind == static_cast<int>(kind))) w.kind = static_cast<int>(kind);
      ui.Track(std::string("editor/kind/") + edit::ItemKindName(kind));
    }
    ImGui::EndCombo();
  }
  ui.Track("editor/kind");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##tag", "Tag", &w.tag);
  ui.Track("editor/tag");
  ImGui::Checkbox("Has problems", &w.problemsOnly);
  ui.Track("editor/problems");
  if (!editor.reports.empty()) {
    SameLineIfFits(ButtonWidth("Reported") + ImGui::GetFrameHeight());
    ImGui::Checkbox("Reported", &w.reportedOnly);
    ui.Track("editor/reported");
  }
  // New: an item of each kind the file can hold.
  if (ImGui::Button("New...")) ImGui::OpenPopup("new-item");
  ui.Track("editor/add");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+N: another of the kind selected");
  if (ImGui::BeginPopup("new-item")) {
    for (edit::ItemKind kind : editor.session->Addable()) {
      if (ImGui::Selectable(edit::ItemKindLabel(kind))) {
        CommitEditorFields(ui, editor);
        ui.Post(EditorAdd{kind});
      }
      ui.Track(std::string("editor/add/") + edit::ItemKindName(kind));
    }
    ImGui::EndPopup();
  }
}

} // namespace

void DrawEditorList(UiContext& ui, const EditorState& editor) {
  EditorWidgets& w = ui.widgets.editor;
  Filter(editor, w); // the kinds' counts the list of kinds shows
  Filters(ui, editor, w);
  Filter(editor, w); // again when a filter changed in this frame
  if (w.shown.size() != editor.session->Items().size()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::Text("%s shown", CountText(w.shown.size()).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginChild("items", ImVec2(0, 0), true);
  const auto& items = editor.session->Items();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(w.shown.size()));
  // The selected item drawn too (so that it can be scrolled to), wherever it is.
  std::ptrdiff_t selectedRow = -1;
  for (size_t r = 0; r < w.shown.size(); ++r)
    if (static_cast<std::ptrdiff_t>(w.shown[r]) == editor.selected) selectedRow = static_cast<std::ptrdiff_t>(r);
  if (w.scrollToItem && selectedRow >= 0)
    clipper.ForceDisplayRangeByIndices(static_cast<int>(selectedRow), static_cast<int>(selectedRow) + 1);
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const size_t i = w.shown[static_cast<size_t>(r)];
      const edit::EditItem& item = items[i];
      ImGui::PushID(static_cast<int>(i));
      std::string label = std::string(edit::ItemKindLabel(item.kind)) + " \xC2\xB7 " +
                          FirstLineCut(item.title.empty() ? item.id : item.title, 80);
      const bool selected = static_cast<std::ptrdiff_t>(i) == editor.selected;
      // As wide as the list, however long the words (they are cut at its edge).
      if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
        CommitEditorFields(ui, editor);
        ui.Post(EditorSelect{i});
      }
      if (selected && w.scrollToItem) { // brought into view when it is not
        if (!ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.3f);
        w.scrollToItem = false;
      }
      ui.Track("editor/item/" + std::to_string(i));
      ImGui::PopID();
    }
  ImGui::EndChild();
}

} // namespace factdeck::ui

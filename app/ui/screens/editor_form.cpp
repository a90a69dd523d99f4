// The deck editor's form: the selected item's fields (each kind its own, a file of rows its
// columns), what is wrong with them as they are typed and as `check` reads the file, a picker
// for what a field names (a subject, a relation, an answer of the relation's kind, a source),
// the learners' reports on it, and the questions it makes as a student sees them.
#include <algorithm>

#include "core/base/text.h"
#include <imgui_internal.h> // ItemAdd with ImGuiItemFlags_Inputable: Tab stops at a wrapped paragraph
#include "ui/screens/editor_parts.h"
#include "ui/screens/game_widgets.h"

namespace factdeck::ui {

namespace {

constexpr size_t kMostChoicesShown = 500; // a picker shows the first of its matches; the filter finds the rest

// The fields filled again from the file when the item or its text changed.
void Refill(const EditorState& editor, EditorWidgets& w) {
  if (w.revision == editor.revision && w.item == editor.selected) return;
  // The same item read again (a check done, another field stored): what is being typed stays.
  std::map<std::string, std::string> typing;
  if (w.item == editor.selected) {
    for (const auto& [key, text] : w.fields)
      if (text != w.stored[key]) typing[key] = text;
  } else {
    w.editing.clear();
    w.scrollToItem = true; // the list shows the item selected (by an edit, undo, a search)
  }
  w.revision = editor.revision;
  w.item = editor.selected;
  w.fields.clear();
  w.stored.clear();
  w.preview.clear();
  w.pickFilter.clear();
  if (editor.selected < 0) return;
  const size_t item = static_cast<size_t>(editor.selected);
  for (const edit::FieldInfo& f : editor.session->Fields(item))
    w.fields[f.key] = w.stored[f.key] = editor.session->Field(item, f.key);
  for (const auto& [key, text] : typing)
    w.fields[key] = text;
  w.preview = editor.session->Preview(item);
}

// What a field may name, for its picker: each choice's id, its name, both folded for the search.
std::vector<PickChoice> Candidates(const Deck& deck, edit::FieldType type, const std::string& relationId) {
  std::vector<PickChoice> out;
  auto add = [&](const std::string& id, std::string name) {
    std::string folded = Fold(id + " " + name);
    out.push_back({id, std::move(name), std::move(folded)});
  };
  switch (type) {
  case edit::FieldType::Subject:
    for (const Entity& e : deck.entities)
      add(e.id, e.name + " (" + e.kind + ")");
    for (const Event& e : deck.events)
      add(e.id, e.name + " (event)");
    break;
  case edit::FieldType::Relation:
    for (const Relation& r : deck.relations)
      add(r.id, r.question);
    break;
  case edit::FieldType::Object:
    if (const Relation* r = deck.FindRelation(relationId); r && r->objectType == ValueType::Entity)
      for (const Entity& e : deck.entities)
        if (e.kind == r->objectKind) add(e.id, e.name);
    break;
  case edit::FieldType::Source:
    for (const DeckSource& source : deck.sources)
      add(source.id, source.title);
    break;
  default: break;
  }
  return out;
}

// Whether a field has anything to pick from (looked at every frame: no list is made).
bool HasCandidates(const Deck& deck, edit::FieldType type, const std::string& relationId) {
  switch (type) {
  case edit::FieldType::Subject: return !deck.entities.empty() || !deck.events.empty();
  case edit::FieldType::Relation: return !deck.relations.empty();
  case edit::FieldType::Object: {
    const Relation* r = deck.FindRelation(relationId);
    return r && r->objectType == ValueType::Entity;
  }
  case edit::FieldType::Source: return !deck.sources.empty();
  default: return false;
  }
}

// "Choose...": a filtered list of what the field may name; a click puts its id in the field.
// The list is made when it opens and filtered again only when the filter changes.
void Picker(UiContext& ui, const EditorState& editor, EditorWidgets& w, const edit::FieldInfo& f) {
  const Deck& deck = editor.session->CurrentDeck();
  if (!HasCandidates(deck, f.type, w.fields["relation"])) return;
  ImGui::SameLine();
  if (ImGui::Button("Choose...")) {
    w.pickFilter.clear();
    w.pickChoices = Candidates(deck, f.type, w.fields["relation"]);
    w.pickShownFor = "\x01"; // filter again
    ImGui::OpenPopup("pick");
  }
  ui.Track("editor/field/" + f.key + "/choose");
  if (!ImGui::BeginPopup("pick")) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(22 * ui.Em());
  ImGui::InputTextWithHint("##filter", "Find", &w.pickFilter);
  if (w.pickShownFor != w.pickFilter) {
    w.pickShownFor = w.pickFilter;
    const std::string filter = Fold(w.pickFilter);
    w.pickShown.clear();
    for (size_t i = 0; i < w.pickChoices.size() && w.pickShown.size() < kMostChoicesShown; ++i)
      if (filter.empty() || w.pickChoices[i].folded.find(filter) != std::string::npos) w.pickShown.push_back(i);
  }
  ImGui::BeginChild("choices", ImVec2(22 * ui.Em(), 14 * ui.Em()));
  if (w.pickChoices.empty()) ImGui::TextWrapped("The deck has none of the kind this relation asks for yet.");
  for (size_t i : w.pickShown) {
    const PickChoice& c = w.pickChoices[i];
    const std::string label = c.name + "  \xC2\xB7  " + c.id;
    if (ImGui::Selectable(label.c_str())) {
      w.fields[f.key] = c.id;
      ui.Post(EditorSetField{f.key, c.id});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("editor/field/" + f.key + "/choose/" + c.id);
  }
  ImGui::EndChild();
  ImGui::EndPopup();
}

void MessageLines(UiContext& ui, const std::vector<edit::FieldMessage>& messages, const std::string& key) {
  for (const edit::FieldMessage& m : messages) {
    if (m.key != key) continue;
    const ImVec4 colour = m.level == edit::FieldMessage::Level::Error     ? ui.palette->wrong
                          : m.level == edit::FieldMessage::Level::Warning ? ui.palette->warning
                                                                          : ui.palette->muted;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", m.text.c_str());
    ImGui::PopStyleColor();
    ui.Track("editor/field/" + (key.empty() ? std::string("item") : key) + "/message");
  }
}

// A paragraph as it reads, wrapped in a frame the size of its text; a click, Enter or Tab
// makes it the text box (which does not wrap: it is shown only while typed in).
bool WrappedText(UiContext& ui, const std::string& text) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - 2 * style.FramePadding.x;
  const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 size(width, std::max(textSize.y, 2 * ImGui::GetTextLineHeight()) + 2 * style.FramePadding.y);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // A button that Tab stops at as at a text box (ImGui's own buttons take no Tab in 1.86).
  const ImGuiID id = ImGui::GetID("##view");
  const ImRect box(at, ImVec2(at.x + size.x, at.y + size.y));
  ImGui::ItemSize(size);
  if (!ImGui::ItemAdd(box, id, nullptr, ImGuiItemFlags_Inputable)) return false;
  const bool tabbed = (GImGui->LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0;
  bool hovered = false, held = false;
  const bool clicked = ImGui::ButtonBehavior(box, id, &hovered, &held);
  const bool entered = ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                      ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), style.FrameRounding);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                text.c_str(), nullptr, wrap);
  (void)ui;
  return clicked || tabbed || entered;
}

// One field: its label, its input (left or Enter stores it), its hint and its messages.
void Field(UiContext& ui, const EditorState& editor, EditorWidgets& w, const edit::FieldInfo& f,
           const std::vector<edit::FieldMessage>& messages) {
  ImGui::PushID(f.key.c_str());
  std::string& text = w.fields[f.key];
  const std::string label = f.label + (f.required ? " *" : "");
  if (f.type == edit::FieldType::Flag) {
    bool on = text == "true";
    if (ImGui::Checkbox(label.c_str(), &on)) {
      text = on ? "true" : "false";
      ui.Post(EditorSetField{f.key, text});
    }
    ui.Track("editor/field/" + f.key);
    ImGui::PopID();
    return;
  }
  // The label, and beside it (muted, wrapped) what the field takes.
  ImGui::TextUnformatted(label.c_str());
  if (!f.hint.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("%s", f.hint.c_str());
    ImGui::PopStyleColor();
  }
  const bool picker = f.type == edit::FieldType::Subject || f.type == edit::FieldType::Relation ||
                      f.type == edit::FieldType::Object || f.type == edit::FieldType::Source;
  const float width = picker ? -ButtonWidth("Choose...") - ImGui::GetStyle().ItemSpacing.x : -1.0f;
  // Reached with Tab from the field before (or Shift+Tab from the one after).
  const bool tabbedTo = w.focusKey == f.key;
  if (tabbedTo) {
    w.focusKey.clear();
    if (f.type == edit::FieldType::Text) {
      w.editing = f.key;
      w.focusEditing = true;
    }
  }
  if (f.type == edit::FieldType::Text && w.editing != f.key) {
    if (WrappedText(ui, text)) {
      w.editing = f.key;
      w.focusEditing = true;
    }
  } else if (f.type == edit::FieldType::Text || f.type == edit::FieldType::List) {
    if ((w.editing == f.key && w.focusEditing) || (tabbedTo && f.type == edit::FieldType::List)) {
      ImGui::SetKeyboardFocusHere();
      w.focusEditing = false;
    }
    const auto lines = static_cast<float>(std::count(text.begin(), text.end(), '\n') + 2);
    const float height =
        std::clamp(lines, f.type == edit::FieldType::Text ? 3.0f : 2.0f, 8.0f) * ImGui::GetTextLineHeight() +
        2 * ImGui::GetStyle().FramePadding.y;
    ImGui::InputTextMultiline("##value", &text, ImVec2(-1, height));
  } else {
    if (tabbedTo) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width);
    // An id the file does not write shows the one FactDeck makes (numbered, or from a fact's subject and relation).
    const std::string& implicit = f.key == "id" && editor.selected >= 0
                                      ? editor.session->Items()[static_cast<size_t>(editor.selected)].id
                                      : std::string();
    ImGui::InputTextWithHint("##value", implicit.empty() ? "" : (implicit + " (made by FactDeck)").c_str(), &text);
  }
  ui.Track("editor/field/" + f.key);
  if (ImGui::IsItemActive() && !ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab)))
    w.tabFrom = f.key;
  // The text box left: the paragraph shows wrapped again (not the wrapped view's own click).
  if (ImGui::IsItemDeactivated() && w.editing == f.key && f.type == edit::FieldType::Text &&
      ImGui::GetItemID() == ImGui::GetID("##value"))
    w.editing.clear();
  if (ImGui::IsItemDeactivatedAfterEdit() && text != w.stored[f.key]) ui.Post(EditorSetField{f.key, text});
  if (picker) Picker(ui, editor, w, f);
  if (f.type == edit::FieldType::Relation)
    if (const Relation* r = editor.session->CurrentDeck().FindRelation(text)) {
      // The question as asked of this subject.
      std::string asks = r->question;
      if (const size_t at = asks.find("{subject}"); at != std::string::npos)
        asks.replace(at, 9, editor.session->CurrentDeck().NameOf(w.fields["subject"]));
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
      ImGui::TextWrapped("Asks: %s", asks.c_str());
      ImGui::PopStyleColor();
    }
  MessageLines(ui, messages, f.key);
  ImGui::PopID();
}

// The field Tab goes to from `key` (Shift+Tab: back), past tick boxes, round at the ends.
std::string NextField(const std::vector<edit::FieldInfo>& fields, const std::string& key, bool back) {
  std::vector<const edit::FieldInfo*> stops;
  for (const edit::FieldInfo& f : fields)
    if (f.type != edit::FieldType::Flag) stops.push_back(&f);
  for (size_t i = 0; i < stops.size(); ++i)
    if (stops[i]->key == key) return stops[(i + (back ? stops.size() - 1 : 1)) % stops.size()]->key;
  return {};
}

// Duplicate, delete (asked first), a new start for the item's progress.
void ItemActions(UiContext& ui, const EditorState& editor, const edit::EditItem& item) {
  EditorWidgets& w = ui.widgets.editor;
  if (item.kind == edit::ItemKind::Deck) return;
  if (ImGui::Button("Duplicate")) {
    CommitEditorFields(ui, editor);
    ui.Post(EditorDuplicate{});
  }
  ui.Track("editor/duplicate");
  ImGui::SameLine();
  if (ImGui::Button("Delete...")) w.askDelete = true;
  ui.Track("editor/delete");
  if (!editor.session->Rows()) {
    SameLineIfFits(ButtonWidth("Start its progress afresh"));
    if (ImGui::Button("Start its progress afresh")) {
      CommitEditorFields(ui, editor);
      ui.Post(EditorStartAfresh{});
    }
    ui.Track("editor/afresh");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Fixing a typo keeps what learners know of it. When it now asks something else,\n"
                        "this gives it a new id so that everyone learns it afresh.");
  }
  if (w.askDelete) {
    ImGui::OpenPopup("Delete?");
    w.askDelete = false;
  }
  if (ImGui::BeginPopup("Delete?")) {
    ImGui::Text("Delete this %s? Undo (Ctrl+Z) brings it back.", edit::ItemKindLabel(item.kind));
    if (ImGui::Button("Delete")) {
      ui.Post(EditorDelete{});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("editor/delete/yes");
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void Reports(UiContext& ui, const EditorState& editor, const edit::EditItem& item) {
  bool first = true;
  for (const QuestionReport& r : editor.reports) {
    if (r.item != item.id) continue;
    if (first) {
      ImGui::Spacing();
      ImGui::PushFont(ui.fonts.bold);
      ImGui::TextUnformatted("Reported by learners");
      ImGui::PopFont();
      first = false;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::TextWrapped("%s%s%s (%s): \"%s\"", ReportReasonLabel(r.reason), r.note.empty() ? "" : ": ", r.note.c_str(),
                       r.learner.c_str(), r.prompt.c_str());
    ImGui::PopStyleColor();
  }
  if (!first) ui.Track("editor/reports");
}

} // namespace

bool CommitEditorFields(UiContext& ui, const EditorState& editor) {
  EditorWidgets& w = ui.widgets.editor;
  if (w.item != editor.selected || w.revision != editor.revision) return false; // filled for another item
  bool any = false;
  for (const auto& [key, text] : w.fields)
    if (text != w.stored[key]) {
      ui.Post(EditorSetField{key, text});
      w.stored[key] = text;
      any = true;
    }
  return any;
}

void DrawEditorForm(UiContext& ui, const EditorState& editor) {
  EditorWidgets& w = ui.widgets.editor;
  Refill(editor, w);
  const auto& items = editor.session->Items();
  if (editor.selected < 0 || static_cast<size_t>(editor.selected) >= items.size()) {
    ImGui::TextWrapped("Choose an item on the left, or add one with New.");
    return;
  }
  const size_t index = static_cast<size_t>(editor.selected);
  const edit::EditItem& item = items[index];
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(edit::ItemKindLabel(item.kind));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::Text("%s%sline %d", item.id.c_str(), item.id.empty() ? "" : " \xC2\xB7 ", item.line);
  ImGui::PopStyleColor();
  ui.Track("editor/form");
  ItemActions(ui, editor, item);

  // What is wrong: as typed, and as the file was last read.
  std::vector<edit::FieldMessage> messages = editor.session->CheckFields(index, w.fields);
  // The file's check on a field being typed in is out of date: only what is typed is checked there.
  for (edit::FieldMessage& m : editor.session->Messages(index))
    if (w.fields[m.key] == w.stored[m.key] &&
        std::none_of(messages.begin(), messages.end(), [&](const edit::FieldMessage& o) { return o.text == m.text; }))
      messages.push_back(std::move(m));
  const std::vector<edit::FieldInfo> fields = editor.session->Fields(index);
  for (edit::FieldMessage& m : messages) // about a key without a field of its own: the item's
    if (std::none_of(fields.begin(), fields.end(), [&](const edit::FieldInfo& f) { return f.key == m.key; }))
      m.key.clear();
  MessageLines(ui, messages, "");
  ImGui::Separator();
  // Tab goes from field to field here, paragraphs and lists included (ImGui's own Tab does not
  // leave a text box of several lines): its own tab stops are off.
  ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
  for (const edit::FieldInfo& f : fields)
    Field(ui, editor, w, f, messages);
  ImGui::PopItemFlag();
  if (!w.tabFrom.empty()) {
    w.focusKey = NextField(fields, w.tabFrom, ImGui::GetIO().KeyShift);
    w.tabFrom.clear();
    w.editing.clear(); // a paragraph left shows wrapped again
  }
  Reports(ui, editor, item);

  if (item.kind == edit::ItemKind::Deck || item.kind == edit::ItemKind::Source) return; // no question is about them
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(editor.session->Checking() ? "What a student sees (being checked...)"
                         : w.preview.empty()        ? "No question is made from it yet"
                                                    : "What a student sees");
  ImGui::PopFont();
  if (w.preview.empty() && !editor.session->Checking())
    if (const std::string why = editor.session->WhyNoQuestion(index); !why.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
      ImGui::TextWrapped("%s", why.c_str());
      ImGui::PopStyleColor();
    }
  for (size_t i = 0; i < w.preview.size(); ++i)
    QuestionAsSeen(ui, w.preview[i], i + 1);
  ui.Track("editor/preview");
}

} // namespace factdeck::ui

// Intents of the deck editor: a listed deck's file opened, its items edited, added, copied and
// taken out, undone and redone, saved (never over another program's change unasked), read
// again or merged with such a change.
#include "core/app/reducer.h"

namespace factdeck::reducer {

namespace {

EditorState* Editor(AppState& state) {
  return state.screen == Screen::Editor && state.editor && state.editor->session ? state.editor.get() : nullptr;
}

// The outcome of an edit: said when it failed, and the fields shown again.
void Outcome(EditorState& editor, const std::string& why) {
  editor.message = why.empty() ? std::string() : "Not done: " + why;
  editor.messageIsProblem = !why.empty();
  ++editor.revision;
}

void Select(EditorState& editor, std::ptrdiff_t item) {
  const auto& items = editor.session->Items();
  editor.selected =
      items.empty() ? -1 : std::clamp<std::ptrdiff_t>(item, -1, static_cast<std::ptrdiff_t>(items.size()) - 1);
  ++editor.revision;
}

// The id of the item selected, to find it again after an edit that may move it.
std::pair<edit::ItemKind, std::string> Selected(const EditorState& editor) {
  const auto& items = editor.session->Items();
  if (editor.selected < 0 || static_cast<size_t>(editor.selected) >= items.size()) return {edit::ItemKind::Deck, {}};
  const edit::EditItem& item = items[static_cast<size_t>(editor.selected)];
  return {item.kind, item.id};
}

} // namespace

void OpenEditorOn(AppState& state, const std::filesystem::path& path, const FileReading& reading,
                  const std::string& item) {
  std::string error;
  auto session = edit::EditSession::Open(path, reading, error);
  if (!session) {
    state.notices.push_back("The deck cannot be edited here: " + error);
    return;
  }
  state.preview.reset();
  state.editor = std::make_unique<EditorState>();
  state.editor->session = std::move(session);
  if (state.store && !state.editor->session->CurrentDeck().id.empty())
    state.editor->reports = state.store->Reports(state.editor->session->CurrentDeck().id);
  std::ptrdiff_t at = item.empty() ? -1 : state.editor->session->FindId(item);
  if (at < 0 && !state.editor->session->Items().empty()) at = 0;
  Select(*state.editor, at);
  state.confirmations.clear();
  state.screen = Screen::Editor;
}

void CloseEditor(AppState& state) {
  const bool saved = state.editor && state.editor->saved;
  state.editor.reset();
  if (saved) ReloadLibrary(state);
}

void CheckEditorFile(AppState& state) {
  EditorState* editor = Editor(state);
  if (!editor || editor->conflict) return;
  const edit::DiskState disk = editor->session->CheckDisk();
  if (disk == edit::DiskState::Same) return;
  const std::string file = editor->session->Path().filename().string();
  if (disk == edit::DiskState::Missing) {
    editor->message = file + " is no longer where it was: Save writes it again";
    editor->messageIsProblem = true;
    return;
  }
  if (editor->session->Dirty()) {
    editor->conflict = true;
    editor->message = file + " was changed by another program. Keep both (your edits made on it), read it again "
                             "(your edits dropped), or save yours over it.";
    editor->messageIsProblem = true;
    return;
  }
  const auto [kind, id] = Selected(*editor);
  if (std::string why = editor->session->Reload(); !why.empty()) {
    Outcome(*editor, why);
    return;
  }
  Select(*editor, editor->session->Find(kind, id));
  editor->message = file + " was changed by another program and has been read again";
  editor->messageIsProblem = false;
  editor->saved = true; // the library reads it again on leaving
}

void Apply(AppState& state, const OpenEditor& open, Context&) {
  if (open.deck >= state.decks.size()) return;
  const DeckEntry& entry = state.decks[open.deck];
  OpenEditorOn(state, entry.path, entry.reading, open.item);
}

void Apply(AppState& state, const EditorSelect& select, Context&) {
  if (EditorState* editor = Editor(state)) Select(*editor, static_cast<std::ptrdiff_t>(select.item));
}

void Apply(AppState& state, const EditorSetField& set, Context&) {
  EditorState* editor = Editor(state);
  if (!editor || editor->selected < 0) return;
  const auto [kind, id] = Selected(*editor);
  const std::string why = editor->session->Set(static_cast<size_t>(editor->selected), set.key, set.text);
  // A changed id (or a row's words, which make its id) moves the selection's key: keep the place.
  const std::ptrdiff_t again = editor->session->Find(kind, set.key == "id" ? set.text : id);
  if (again >= 0) editor->selected = again;
  Outcome(*editor, why);
}

void Apply(AppState& state, const EditorAdd& add, Context&) {
  EditorState* editor = Editor(state);
  if (!editor) return;
  size_t added = 0;
  const std::string why = editor->session->Add(add.kind, added);
  if (why.empty()) Select(*editor, static_cast<std::ptrdiff_t>(added));
  Outcome(*editor, why);
}

void Apply(AppState& state, const EditorDuplicate&, Context&) {
  EditorState* editor = Editor(state);
  if (!editor || editor->selected < 0) return;
  size_t added = 0;
  const std::string why = editor->session->Duplicate(static_cast<size_t>(editor->selected), added);
  if (why.empty()) Select(*editor, static_cast<std::ptrdiff_t>(added));
  Outcome(*editor, why);
}

void Apply(AppState& state, const EditorDelete&, Context&) {
  EditorState* editor = Editor(state);
  if (!editor || editor->selected < 0) return;
  const std::ptrdiff_t at = editor->selected;
  const std::string why = editor->session->Remove(static_cast<size_t>(at));
  if (why.empty())
    Select(*editor, std::min<std::ptrdiff_t>(at, static_cast<std::ptrdiff_t>(editor->session->Items().size()) - 1));
  Outcome(*editor, why);
  if (why.empty()) editor->message = "Deleted (Ctrl+Z brings it back)";
}

void Apply(AppState& state, const EditorStartAfresh&, Context&) {
  EditorState* editor = Editor(state);
  if (!editor || editor->selected < 0) return;
  const auto kind = Selected(*editor).first;
  const std::string why = editor->session->StartAfresh(static_cast<size_t>(editor->selected));
  if (why.empty()) {
    // The new id is the item's at the same place.
    const auto& items = editor->session->Items();
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].kind == kind && i == static_cast<size_t>(editor->selected))
        editor->selected = static_cast<std::ptrdiff_t>(i);
  }
  Outcome(*editor, why);
  if (why.empty()) editor->message = "It has a new id: learners start it afresh once saved";
}

void Apply(AppState& state, const EditorUndo&, Context&) {
  EditorState* editor = Editor(state);
  std::ptrdiff_t item = -1;
  if (!editor || !editor->session->Undo(&item)) return;
  if (item >= 0) editor->selected = item;
  Select(*editor, editor->selected);
  editor->message.clear();
}

void Apply(AppState& state, const EditorRedo&, Context&) {
  EditorState* editor = Editor(state);
  std::ptrdiff_t item = -1;
  if (!editor || !editor->session->Redo(&item)) return;
  if (item >= 0) editor->selected = item;
  Select(*editor, editor->selected);
  editor->message.clear();
}

void Apply(AppState& state, const EditorSave& save, Context&) {
  EditorState* editor = Editor(state);
  if (!editor) return;
  const edit::SaveOutcome outcome = editor->session->Save(save.overwrite);
  editor->conflict = outcome.changedOnDisk;
  editor->message = outcome.message;
  editor->messageIsProblem = !outcome.saved;
  if (!outcome.saved) return;
  editor->saved = true;
  editor->lost.clear();
  const Deck& deck = editor->session->CurrentDeck();
  const auto renames = editor->session->TakeRenames();
  if (state.store && !deck.id.empty() && !renames.empty())
    if (StoreStatus synced = state.store->SyncDeck(deck, renames); !synced) state.notices.push_back(synced.message);
  if (const size_t errors = editor->session->Errors(); errors > 0 && !editor->session->Checking())
    editor->message += " (with " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                       ": it does not open for study until they are mended)";
}

void Apply(AppState& state, const EditorReload&, Context&) {
  EditorState* editor = Editor(state);
  if (!editor) return;
  const auto [kind, id] = Selected(*editor);
  const std::string why = editor->session->Reload();
  editor->conflict = false;
  editor->lost.clear();
  Select(*editor, editor->session->Find(kind, id));
  Outcome(*editor, why);
  if (why.empty()) editor->message = "Read again from the file";
}

void Apply(AppState& state, const EditorMerge&, Context&) {
  EditorState* editor = Editor(state);
  if (!editor) return;
  const auto [kind, id] = Selected(*editor);
  editor->lost = editor->session->Merge();
  editor->conflict = false;
  Select(*editor, editor->session->Find(kind, id));
  editor->message = editor->lost.empty() ? "Read again, with your edits made on it: save to keep both"
                                         : "Read again; some of your edits could not be made on it (listed)";
  editor->messageIsProblem = !editor->lost.empty();
}

void Apply(AppState& state, const EditorSaveAsFactsFile&, Context& context) {
  EditorState* editor = Editor(state);
  if (!editor) return;
  const std::string why = editor->session->SaveAsFactsFile();
  Outcome(*editor, why);
  if (!why.empty()) return;
  // The new file is listed (and opened next time) as any deck opened by path.
  if (RememberOpenedDeck(state, editor->session->Path())) context.changes.settingsChanged = true;
  editor->saved = true;
  editor->message = "Saved as " + editor->session->Path().filename().string() + ", a facts file: edited from now on";
  Select(*editor, editor->selected);
}

void Apply(AppState& state, const EditorTick&, Context&) {
  if (EditorState* editor = Editor(state); editor && editor->session->Poll()) ++editor->revision;
}

} // namespace factdeck::reducer

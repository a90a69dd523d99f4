// Intents of the home screen and the frame around every screen: which screen, settings,
// notices, the learners on this computer, decks opened from a path.
#include <algorithm>

#include "core/app/reducer.h"
#include "core/base/atomic_file.h"
#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/store/anki_revlog.h"

namespace factdeck::reducer {

namespace {

bool SameAppearance(const Settings& a, const Settings& b) {
  return a.theme == b.theme && a.uiScale == b.uiScale && a.fontSize == b.fontSize && a.projector == b.projector &&
         a.classroomProjector == b.classroomProjector;
}

// A change to the learners: its problem becomes a notice; the home screen's figures are read again.
void Report(AppState& state, const StoreStatus& status) {
  if (!status) state.notices.push_back(status.message);
  RefreshProgress(state);
}

} // namespace

void Apply(AppState& state, const GoToScreen& go, Context&) {
  if (go.screen != state.screen) state.confirmations.clear(); // they were about the screen left
  if (go.screen != Screen::Editor && state.editor) CloseEditor(state);
  state.screen = go.screen;
  if (go.screen != Screen::Import) state.preview.reset();
  if (go.screen == Screen::Home) RefreshProgress(state);
  if (go.screen == Screen::Stats) OpenStats(state);
}

void Apply(AppState& state, const ChangeSettings& change, Context& context) {
  if (!SameAppearance(state.settings, change.settings)) context.changes.appearanceChanged = true;
  state.settings = change.settings;
  context.changes.settingsChanged = true;
}

void Apply(AppState& state, const DismissNotice& dismiss, Context&) {
  auto& list = dismiss.confirmation ? state.confirmations : state.notices;
  if (dismiss.index < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(dismiss.index));
}

void Apply(AppState& state, const Quit&, Context&) { state.quitRequested = true; }

void Apply(AppState& state, const SwitchProfile& to, Context&) {
  state.profile = to.profile;
  RefreshProgress(state);
}

void Apply(AppState& state, const CreateProfile& create, Context& context) {
  if (!state.store) return;
  StoreStatus made = state.store->CreateProfile(create.name, context.now);
  if (made) state.profile = made.id;
  Report(state, made);
}

void Apply(AppState& state, const RenameProfile& rename, Context&) {
  if (state.store) Report(state, state.store->RenameProfile(rename.profile, rename.name));
}

void Apply(AppState& state, const DeleteProfile& remove, Context&) {
  if (!state.store) return;
  StoreStatus removed = state.store->DeleteProfile(remove.profile);
  if (removed && state.profile == remove.profile) state.profile = state.store->DefaultProfile();
  Report(state, removed);
}

void Apply(AppState& state, const OpenDeck& open, Context& context) {
  const auto before = state.settings.openedDecks;
  const auto path = RememberOpenedDeck(state, open.path);
  if (!path) return;
  context.changes.settingsChanged = true;
  std::error_code ec;
  if (std::filesystem::weakly_canonical(state.launchDeck, ec) == std::filesystem::weakly_canonical(*path, ec))
    state.launchDeck.clear(); // listed once, as an opened deck
  ReloadLibrary(state);
  state.screen = Screen::Home;
  // A file of rows or an Anki package opened for the first time: first, how it will be read.
  if (std::find(before.begin(), before.end(), path->string()) == before.end()) PreviewJustOpened(state, *path);
}

void Apply(AppState& state, const NewDeckFromTemplate& make, Context&) {
  // An empty facts file, or a copy of a template.
  const std::filesystem::path name =
      make.file.empty() ? std::filesystem::path(Slug(make.title) + ".toml") : std::filesystem::path(make.file);
  std::filesystem::path from;
  for (const auto& dir : TemplateDirs())
    if (!make.file.empty() && name.filename() == name && std::filesystem::is_regular_file(dir / name)) {
      from = dir / name;
      break;
    }
  const std::filesystem::path folder = state.UserDecksDir();
  if ((from.empty() && !make.file.empty()) || folder.empty() || name.stem().empty()) {
    state.notices.push_back("No deck template " + make.file + " is installed (or there is no decks folder)");
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  // "quiz.csv", then "quiz-2.csv", ...: never over a deck already there.
  std::filesystem::path to = folder / name;
  for (int n = 2; std::filesystem::exists(to, ec) && n < 1000; ++n)
    to = folder / (name.stem().string() + "-" + std::to_string(n) + name.extension().string());
  std::string text = edit::NewDeckText(make.title);
  if (!from.empty())
    if (std::string error = ReadWholeFile(from, text); !error.empty()) {
      state.notices.push_back("Could not read the template: " + error);
      return;
    }
  if (std::filesystem::exists(to, ec)) {
    state.notices.push_back("Could not make a new deck: too many decks named " + name.stem().string());
    return;
  }
  if (std::string error = WriteFileAtomically(to, text); !error.empty()) {
    state.notices.push_back("Could not make the new deck: " + error);
    return;
  }
  ReloadLibrary(state);
  OpenEditorOn(state, to, {}, {});
  state.confirmations.push_back("Made " + to.filename().string() + " in your decks folder: fill it in here");
}

void Apply(AppState& state, const ReadDecksAgain&, Context&) { ReloadLibrary(state); }

void Apply(AppState& state, const CheckDecksOnDisk&, Context&) {
  if (state.editor) { // the library is read again when the editor closes
    CheckEditorFile(state);
    return;
  }
  std::vector<std::string> changed;
  for (const DeckEntry& entry : state.decks)
    if (entry.stamp != StampOf(entry.path)) changed.push_back(entry.title);
  if (changed.empty()) return;
  ReloadLibrary(state);
  std::string names;
  for (size_t i = 0; i < changed.size(); ++i)
    names += (i == 0 ? "" : i + 1 == changed.size() ? " and " : ", ") + changed[i];
  state.confirmations.push_back(names + (changed.size() == 1 ? " was" : " were") + " changed on disk and read again");
}

void Apply(AppState& state, const ChooseSheet& choose, Context& context) {
  if (choose.deck >= state.decks.size() || choose.sheet >= state.decks[choose.deck].sheets.size()) return;
  const DeckEntry& entry = state.decks[choose.deck];
  const std::string path = entry.path.string(), name = entry.sheets[choose.sheet];
  const std::string file = entry.path.filename().string(); // the list is read again below
  auto& sheets = state.settings.sheets;
  if (choose.sheet == 0)
    sheets.erase(path);
  else
    sheets[path] = name;
  state.settings.readings.erase(path); // columns chosen for another sheet
  context.changes.settingsChanged = true;
  ReloadLibrary(state);
  state.confirmations.push_back("The sheet \"" + name + "\" of " + file + " is read");
}

void Apply(AppState& state, const BringHistory& bring, Context&) {
  if (!state.store || bring.deck >= state.decks.size()) return;
  const DeckEntry& entry = state.decks[bring.deck];
  std::string learner = "the learner";
  for (const ProfileInfo& p : state.profiles)
    if (p.id == state.profile) learner = p.name;
  const HistoryBrought brought =
      BringAnkiHistory(*state.store, state.profile, entry.path.string(), DefaultCacheDir(), LearnerFsrs(state));
  if (!brought.error.empty())
    state.notices.push_back("The review history could not be brought in: " + brought.error);
  else
    state.confirmations.push_back(DescribeHistoryBrought(brought, learner));
  RefreshProgress(state);
}

void Apply(AppState& state, const ForgetDeck& forget, Context& context) {
  auto& opened = state.settings.openedDecks;
  const auto before = opened.size();
  opened.erase(std::remove(opened.begin(), opened.end(), forget.path.string()), opened.end());
  if (state.launchDeck == forget.path) state.launchDeck.clear();
  if (opened.size() != before) context.changes.settingsChanged = true;
  ReloadLibrary(state);
}

} // namespace factdeck::reducer

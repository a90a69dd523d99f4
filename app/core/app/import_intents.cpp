// Intents of the import preview: a deck file of rows (CSV, TSV, a spreadsheet's sheet) or an
// Anki package as it will be read, its reading changed, kept for the file or left.
#include <algorithm>

#include "core/app/reducer.h"
#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/import/anki.h"
#include "core/import/spreadsheet.h"

namespace factdeck::reducer {

namespace {

constexpr size_t kSampleQuestions = 4;

// The deck's first items (hand-written questions, cards, events or facts, as it has them),
// each as the first question kind that asks it.
std::vector<Question> FirstQuestions(const Deck& deck) {
  std::vector<std::string> items;
  auto take = [&](const auto& list) {
    for (size_t i = 0; i < list.size() && items.size() < kSampleQuestions * 3; ++i)
      items.push_back(list[i].id);
  };
  take(deck.choices);
  take(deck.cards);
  take(deck.events);
  take(deck.facts);
  const QuestionGenerator generator(deck);
  std::vector<Question> sample;
  for (const std::string& item : items) {
    // Each drawn with its own seed, so that the right option is not always in one place.
    for (QuestionKind kind : AllQuestionKinds())
      if (auto q = generator.Make(kind, item, sample.size() + 1)) {
        sample.push_back(std::move(*q));
        break;
      }
    if (sample.size() == kSampleQuestions) break;
  }
  return sample;
}

std::string FileKind(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (IsAnkiPackageFile(name)) return "an Anki package";
  if (IsSpreadsheetFile(name)) return "a spreadsheet";
  return LowerExtension(name) == ".tsv" ? "a TSV file" : "a CSV file";
}

} // namespace

void OpenPreview(AppState& state, const std::filesystem::path& path, const FileReading& reading, bool justOpened) {
  auto preview = std::make_unique<ImportPreviewState>();
  preview->path = path;
  preview->reading = reading;
  preview->justOpened = justOpened;
  preview->fileKind = FileKind(path);
  DeckLoad load = LoadDeckFile(path.string(), reading);
  preview->title = load.deck.title.empty() ? path.filename().string() : load.deck.title;
  preview->summary = Summarize(load.deck);
  preview->shape = std::move(load.shape);
  preview->notice = load.notice;
  for (const Diagnostic& d : load.diagnostics) {
    const bool skipped = d.message.rfind("row skipped: ", 0) == 0;
    (d.severity == Severity::Error ? preview->errors
     : skipped                     ? preview->skipped
                                   : preview->warnings)
        .push_back(d.Format());
  }
  if (load.Ok()) preview->sample = FirstQuestions(load.deck);
  state.preview = std::move(preview);
  state.screen = Screen::Import;
}

void PreviewJustOpened(AppState& state, const std::filesystem::path& path) {
  for (const DeckEntry& entry : state.decks)
    if (entry.path == path && entry.previewable) return OpenPreview(state, entry.path, entry.reading, true);
}

void Apply(AppState& state, const PreviewImport& open, Context&) {
  if (open.deck >= state.decks.size()) return;
  const DeckEntry& entry = state.decks[open.deck];
  OpenPreview(state, entry.path, entry.reading, false);
}

void Apply(AppState& state, const ChangeReading& change, Context&) {
  if (!state.preview) return;
  FileReading reading = state.preview->reading;
  reading.table = change.reading;
  OpenPreview(state, state.preview->path, reading, state.preview->justOpened);
}

void Apply(AppState& state, const ConfirmImport&, Context& context) {
  if (!state.preview) return;
  const ImportPreviewState& preview = *state.preview;
  const std::string path = preview.path.string();
  auto& readings = state.settings.readings;
  const TableReading& chosen = preview.reading.table;
  const auto kept = readings.find(path);
  const TableReading before = kept == readings.end() ? TableReading{} : kept->second;
  if (chosen != before) {
    if (chosen.as == ReadAs::Auto)
      readings.erase(kept);
    else
      readings[path] = chosen;
    context.changes.settingsChanged = true;
  }
  std::string done = preview.path.filename().string() + " is listed";
  if (preview.errors.empty()) done += ": " + SummaryText(preview.summary);
  state.preview.reset();
  ReloadLibrary(state);
  state.screen = Screen::Home;
  state.confirmations.push_back(std::move(done));
}

void Apply(AppState& state, const CancelImport&, Context& context) {
  if (!state.preview) {
    state.screen = Screen::Home;
    return;
  }
  const std::filesystem::path path = state.preview->path;
  const bool forget = state.preview->justOpened;
  state.preview.reset();
  state.screen = Screen::Home;
  if (forget) Apply(state, ForgetDeck{path}, context);
}

} // namespace factdeck::reducer

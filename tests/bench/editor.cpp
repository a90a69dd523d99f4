// The deck editor on a generated 100,000-fact deck (10,000 events): opening it (reading and
// checking the file, listing its items), the checks a frame makes while a field is typed in,
// and saving one changed field (the text edit, the items listed again, the file written and
// flushed; target 200 ms). The check of the whole deck that follows an edit runs on a thread
// (EditSession::Checking) and is waited for between iterations, outside the timing.
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>

#include "core/edit/edit_session.h"
#include "support/synthetic_deck.h"

namespace {

using namespace factdeck;

std::filesystem::path Deck(size_t facts) {
  const auto path =
      std::filesystem::temp_directory_path() / ("factdeck-bench-editor-" + std::to_string(facts) + ".toml");
  if (!std::filesystem::exists(path))
    std::ofstream(path, std::ios::binary) << test::SyntheticDeckToml({facts, facts / 10, 0, 1});
  return path;
}

std::unique_ptr<edit::EditSession> Open(const std::filesystem::path& path) {
  std::string error;
  auto session = edit::EditSession::Open(path, {}, error);
  if (session) session->WaitForCheck();
  return session;
}

// The fact half-way down the file.
size_t MiddleFact(const edit::EditSession& session) {
  const auto& items = session.Items();
  size_t seen = 0, facts = 0;
  for (const edit::EditItem& item : items)
    facts += item.kind == edit::ItemKind::Fact;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].kind == edit::ItemKind::Fact && ++seen == facts / 2) return i;
  return 0;
}

void BM_EditorOpen(benchmark::State& state) {
  const auto path = Deck(static_cast<size_t>(state.range(0)));
  size_t items = 0;
  for (auto _ : state) {
    auto session = Open(path);
    if (!session) {
      state.SkipWithError("the deck did not open");
      break;
    }
    items = session->Items().size();
    benchmark::DoNotOptimize(session);
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_EditorOpen)->Arg(100000)->Unit(benchmark::kMillisecond);

// What a frame computes for the form while a field is typed in: the field checks (a date's
// reading, references looked up, a written question's problems) and the check's messages.
void BM_EditorTypingChecks(benchmark::State& state) {
  auto session = Open(Deck(static_cast<size_t>(state.range(0))));
  const size_t fact = MiddleFact(*session);
  std::map<std::string, std::string> fields;
  for (const edit::FieldInfo& f : session->Fields(fact))
    fields[f.key] = session->Field(fact, f.key);
  size_t n = 0;
  for (auto _ : state) {
    fields["note"] += static_cast<char>('a' + n++ % 26);
    benchmark::DoNotOptimize(session->CheckFields(fact, fields));
    benchmark::DoNotOptimize(session->Messages(fact));
  }
}
BENCHMARK(BM_EditorTypingChecks)->Arg(100000)->Unit(benchmark::kMicrosecond);

// One field changed and saved: Set (the smallest text edit, the document's places and the
// item list made again, the check started on its thread) and Save (the file written beside
// and renamed over, flushed to disk).
void BM_EditorSaveOneField(benchmark::State& state) {
  const auto original = Deck(static_cast<size_t>(state.range(0)));
  const auto path = std::filesystem::temp_directory_path() / "factdeck-bench-editor-save.toml";
  std::filesystem::copy_file(original, path, std::filesystem::copy_options::overwrite_existing);
  auto session = Open(path);
  const size_t fact = MiddleFact(*session);
  const std::string id = session->Items()[fact].id;
  size_t n = 0;
  for (auto _ : state) {
    const std::ptrdiff_t at = session->Find(edit::ItemKind::Fact, id);
    const std::string why =
        session->Set(static_cast<size_t>(at), "note", "Checked in the archive, " + std::to_string(++n));
    const edit::SaveOutcome saved = session->Save();
    if (!why.empty() || !saved.saved) {
      state.SkipWithError(why.empty() ? saved.message.c_str() : why.c_str());
      break;
    }
    state.PauseTiming(); // the check on its thread is not part of the save
    session->WaitForCheck();
    state.ResumeTiming();
  }
  state.counters["MiB"] = static_cast<double>(std::filesystem::file_size(path)) / (1 << 20);
  session.reset();
  std::filesystem::remove(path);
}
BENCHMARK(BM_EditorSaveOneField)
    ->Arg(100000)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

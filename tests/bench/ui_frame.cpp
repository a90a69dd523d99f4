// The CPU time to build one UI frame on every screen, with a 10,000-fact deck open and a
// learner with history (target: 1 ms). "Build" is FactDeck's drawing code and ImGui's
// layout up to ImGui::Render(); the GL driver's work is left out (App::SetDrawToScreen).
// Needs a display: scripts/bench runs it under Xvfb. BM_PictureOptions: a question of the
// bundled flags deck with four flags as its options, every picture decoded and uploaded.
// BM_Browse1000Pictures: 1,000 different pictures drawn one after another through the
// window's picture cache at the app's budget; the resident memory it adds (with llvmpipe the
// textures live in the process) and the most texture memory held.
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "core/app/fixtures.h"
#include "ui/app.h"
#include "ui/picture_cache.h"
#include "ui/platform.h"
#include "support/synthetic_deck.h"
#include "support/synthetic_pictures.h"

namespace {

using namespace factdeck;

struct Fixture {
  std::filesystem::path dir;
  AppState state;
  std::unique_ptr<ui::Platform> platform;
  std::unique_ptr<ui::App> app;
};

Fixture& Shared() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    f->dir = std::filesystem::temp_directory_path() / "factdeck-bench-ui";
    std::filesystem::remove_all(f->dir);
    std::filesystem::create_directories(f->dir);
    const auto deck = f->dir / "large.toml";
    std::ofstream(deck) << test::SyntheticDeckToml({10000, 1000, 200, 3});
    f->state = LoadAppState(f->dir / "data", deck);
    SimulateStudy(f->state, 30, 3);
    ui::PlatformOptions options;
    options.visible = false;
    options.vsync = false;
    std::string error;
    ui::OpenedWindow window =
        ui::OpenWindow(options, ui::FontPixelSize(f->state.settings, 1.0f, f->state.ProjectorOn()), error);
    if (!window.platform) {
      std::fprintf(stderr, "cannot open a window: %s\n", error.c_str());
      std::exit(1);
    }
    f->platform = std::move(window.platform);
    f->app = std::make_unique<ui::App>(*f->platform, f->state, std::move(window.fonts), nullptr);
    f->app->SetDrawToScreen(false);
    return f;
  }();
  return *fixture;
}

void BM_BuildFrame(benchmark::State& state, const char* screen) {
  Fixture& f = Shared();
  StartOnScreen(f.state, screen);
  for (int i = 0; i < 5; ++i)
    f.app->Frame(); // settle the layout
  for (auto _ : state)
    f.app->Frame();
  StartOnScreen(f.state, "home");
}

// Four picture options on the practice screen: the flags deck opened beside the large one,
// a practice of "Which of these is the flag of ...?" questions.
void BM_PictureOptions(benchmark::State& state) {
  Fixture& f = Shared();
  f.state.Post(OpenDeck{std::filesystem::path(FACTDECK_SOURCE_DIR) / "questions" / "flags-of-europe.toml"});
  ApplyIntents(f.state);
  size_t deck = f.state.decks.size();
  for (size_t i = 0; i < f.state.decks.size(); ++i)
    if (f.state.decks[i].id == "flags-of-europe") deck = i;
  if (deck == f.state.decks.size()) {
    state.SkipWithError("the flags deck did not open");
    return;
  }
  QuizOptions quiz;
  quiz.request.count = 10;
  quiz.request.kinds = {QuestionKind::MultipleChoice};
  f.state.Post(StartQuiz{deck, quiz});
  ApplyIntents(f.state);
  const Question* q = f.state.study && f.state.study->session ? f.state.study->session->Current() : nullptr;
  if (q == nullptr || q->optionImages.size() != 4) {
    state.SkipWithError("no question with four picture options");
    return;
  }
  // Until every picture is decoded and uploaded (the worker, then two uploads a frame).
  for (int i = 0; i < 2000 && (i < 10 || f.app->PicturesLoading()); ++i)
    f.app->Frame();
  for (auto _ : state)
    f.app->Frame();
  StartOnScreen(f.state, "home");
}

// This process's resident memory now (VmRSS), in bytes.
double ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  double kib = 0;
  while (status >> key)
    if (key == "VmRSS:" && status >> kib) break;
  return kib * 1024;
}

void BM_Browse1000Pictures(benchmark::State& state) {
  Shared(); // the window and its GL context
  const auto dir = std::filesystem::temp_directory_path() / "factdeck-bench-pictures";
  std::filesystem::create_directories(dir);
  const std::vector<std::string> files = test::SyntheticPictures(dir, 1000, 256);
  if (files.size() != 1000) {
    state.SkipWithError("the pictures could not be written");
    return;
  }
  for (auto _ : state) {
    const double before = ResidentBytes();
    double most = 0, mostTextures = 0;
    {
      ui::PictureCache cache; // the app's budget
      int frame = 0;
      for (const std::string& file : files) {
        for (int tries = 0; tries < 20000; ++tries) {
          cache.Update(++frame);
          if (cache.Get(file, frame).texture != nullptr) break;
          std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        most = std::max(most, ResidentBytes() - before);
        mostTextures = std::max(mostTextures, static_cast<double>(cache.TextureBytes()));
      }
    }
    state.counters["rss_growth_MiB"] = most / (1 << 20);
    state.counters["textures_MiB"] = mostTextures / (1 << 20);
    state.counters["budget_MiB"] = 192;
  }
  std::filesystem::remove_all(dir);
}

} // namespace

// Typing in the deck editor on a 100,000-fact deck (10,000 events): a character a frame into
// the note of the fact half-way down, with the list of 110,000 items beside the form, the
// form's checks and its question preview. Last: it opens the large deck beside the others.
void BM_BuildFrameEditor(benchmark::State& state, size_t facts) {
  Fixture& f = Shared();
  const auto deck = f.dir / "huge.toml";
  std::ofstream(deck) << test::SyntheticDeckToml({facts, facts / 10, 0, 1});
  f.state.Post(OpenDeck{deck});
  ApplyIntents(f.state);
  size_t index = 0;
  std::error_code ec;
  for (size_t i = 0; i < f.state.decks.size(); ++i)
    if (std::filesystem::equivalent(f.state.decks[i].path, deck, ec)) index = i;
  f.state.Post(OpenEditor{index, {}});
  ApplyIntents(f.state);
  if (!f.state.editor) {
    state.SkipWithError("the editor did not open");
    return;
  }
  f.state.editor->session->WaitForCheck();
  const auto& items = f.state.editor->session->Items();
  size_t fact = 0, seen = 0;
  for (size_t i = 0; i < items.size() && seen < facts / 2; ++i)
    if (items[i].kind == edit::ItemKind::Fact && ++seen == facts / 2) fact = i;
  f.state.Post(EditorSelect{fact});
  ApplyIntents(f.state);
  for (int i = 0; i < 2; ++i)
    f.app->Frame(); // the editor's widgets start with its first frame
  ui::EditorWidgets& w = f.app->Widgets().editor;
  w.editing = "note";
  w.focusEditing = true;
  for (int i = 0; i < 5; ++i)
    f.app->Frame();
  const size_t before = w.fields["note"].size();
  size_t typed = 0;
  for (auto _ : state)
    f.app->Frame([&](ImGuiIO& io) { io.AddInputCharacter(static_cast<unsigned>('a' + typed++ % 26)); });
  if (w.fields["note"].size() != before + typed) state.SkipWithError("the characters did not reach the field");
  state.counters["items"] = static_cast<double>(items.size());
  f.state.Post(GoToScreen{Screen::Home});
  ApplyIntents(f.state);
}

BENCHMARK(BM_Browse1000Pictures)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PictureOptions)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, home, "home")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, study, "study")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, practice, "practice")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, exam, "exam")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, ordering, "ordering")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, timeline, "timeline")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, stats, "stats")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrame, settings, "settings")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildFrameEditor, editor_typing_100k, 100000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();

// A deck double-clicked in a file manager: FactDeck installed into a test desktop (its
// desktop entry and deck types registered as a desktop's tools do), the file opened with
// `gio open` as a file manager opens it, and the deck remembered for the next start.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/process.h"
#include "support/temp_dir.h"

using factdeck::test::RunProcess;
using factdeck::test::TempDir;

namespace {

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Stops every process running `exe` (the app gio started, detached from the test).
int StopProcessesOf(const std::filesystem::path& exe) {
  int stopped = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const auto target = std::filesystem::read_symlink(entry.path() / "exe", ec);
    if (ec || target != exe) continue;
    const int pid = std::atoi(entry.path().filename().string().c_str());
    if (pid > 0 && ::kill(pid, SIGTERM) == 0) ++stopped;
  }
  return stopped;
}

} // namespace

TEST_CASE("a deck opened from the file manager (gio open) starts FactDeck on it, and it is remembered",
          "[ui][desktop]") {
  TempDir root;
  const auto prefix = root / "prefix";
  auto installed = RunProcess({FACTDECK_CMAKE, "--install", FACTDECK_BUILD_DIR, "--prefix", prefix.string()});
  REQUIRE(installed.exitCode == 0);
  const auto share = prefix / "share";
  REQUIRE(RunProcess({"/usr/bin/update-desktop-database", (share / "applications").string()}).exitCode == 0);
  REQUIRE(RunProcess({"/usr/bin/update-mime-database", (share / "mime").string()}).exitCode == 0);
  // The desktop's choice for the deck types: FactDeck (on a desktop with no other deck
  // program it is the only one offered).
  std::filesystem::create_directories(root / "config");
  std::ofstream(root / "config" / "mimeapps.list")
      << "[Default Applications]\ntext/csv=factdeck.desktop\napplication/x-factdeck-deck=factdeck.desktop\n";
  const auto deck = root / "words.csv";
  std::ofstream(deck) << "front,back\nHund,dog\nKatze,cat\nMaus,mouse\nVogel,bird\n";
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
  const std::vector<std::string> env = {
      "/usr/bin/env", "XDG_DATA_DIRS=" + share.string() + ":/usr/share", "XDG_DATA_HOME=" + (root / "data").string(),
      "XDG_CONFIG_HOME=" + (root / "config").string(), "PATH=" + (prefix / "bin").string() + ":" + path};
  // The desktop knows the type and that FactDeck opens it.
  std::vector<std::string> query = env;
  query.insert(query.end(), {"gio", "mime", "text/csv"});
  auto mime = RunProcess(query);
  INFO(mime.out << mime.err);
  CHECK_THAT(mime.out, Catch::Contains("factdeck.desktop"));

  std::vector<std::string> open = env;
  open.insert(open.end(), {"gio", "open", deck.string()});
  auto opened = RunProcess(open);
  INFO(opened.out << opened.err);
  REQUIRE(opened.exitCode == 0);
  // FactDeck starts on the file and remembers it in its settings (read at the next start).
  const auto settings = root / "data" / "factdeck" / "settings.toml";
  bool remembered = false;
  for (int i = 0; i < 300 && !remembered; ++i) { // up to 60 s: a sanitized build starts slowly
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    remembered = ReadText(settings).find(deck.string()) != std::string::npos;
  }
  const int stopped = StopProcessesOf(prefix / "bin" / "factdeck");
  CHECK(remembered);
  CHECK(stopped >= 1); // it was FactDeck, as installed, that gio started
}

// Feeds arbitrary bytes to the Anki package reader: as a whole package, as the collection
// inside one (an old SQLite file, or the current zstd-compressed one), and as the text of a
// note's fields and a picture inside a package that is otherwise whole (templates, clozes,
// HTML, the media map). Besides the sanitizers' checks: a read either fails with an error
// or gives cards with both sides and no HTML tag, and every note is accounted for.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "core/base/html_text.h"
#include "fuzz/zip_bytes.h"
#include "core/import/anki.h"
#include "support/anki_package.h"

namespace {

using factdeck::fuzz::ZipBytes;

void Check(const factdeck::AnkiImport& read) {
  for (const factdeck::Diagnostic& d : read.load.diagnostics)
    (void)d.Format();
  if (read.load.Ok()) {
    if (read.report.cards != read.load.deck.cards.size()) std::abort();
    std::set<std::string> gave; // every note gave cards or was left out, never both
    for (const factdeck::Card& c : read.load.deck.cards) {
      if (c.front.empty() || c.back.empty()) std::abort();
      gave.insert(c.id.substr(0, c.id.find('-', 5)));
    }
    if (gave.size() + read.report.LeftOut(factdeck::AnkiReport::Unit::Note) != read.report.notes) std::abort();
  } else if (!read.load.deck.cards.empty() && read.report.cards == 0) {
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)factdeck::ReadHtml(body);
  const std::filesystem::path media = "/tmp/factdeck-fuzz-anki-media-" + std::to_string(getpid());
  switch (data[0] % 4) {
  case 0: Check(factdeck::ReadAnkiPackageBytes(body, "fuzz.apkg", {})); break;
  case 1: Check(factdeck::ReadAnkiPackageBytes(ZipBytes({{"collection.anki2", body}}), "fuzz.apkg", {})); break;
  case 2: Check(factdeck::ReadAnkiPackageBytes(ZipBytes({{"collection.anki21b", body}}), "fuzz.apkg", {})); break;
  default: {
    // The bytes as fields of notes of each kind, and as a picture, in either format.
    const std::string path = "/tmp/factdeck-fuzz-anki-" + std::to_string(getpid()) + ".apkg";
    const std::string half = body.substr(0, body.size() / 2), rest = body.substr(body.size() / 2);
    factdeck::test::WriteAnkiPackage(
        path,
        {{1, "cloze", {half, rest}, "t", "A::B"},
         {2, "basic", {half + "<img src=\"p.png\">", rest}, "", "A"},
         {3, "reversed", {rest, half}, "", "A"},
         {4, "typed", {half, rest}, "", "A"}},
        {{"p.png", body}}, data[0] & 4 ? factdeck::test::AnkiFormat::Latest : factdeck::test::AnkiFormat::Anki21);
    const factdeck::AnkiImport read = factdeck::ReadAnkiPackage(path, media, "m/");
    Check(read);
    if (read.report.notes != 4) std::abort(); // every note is read, made a card or left out
    std::remove(path.c_str());
    std::error_code ec;
    std::filesystem::remove_all(media, ec);
    break;
  }
  }
  return 0;
}

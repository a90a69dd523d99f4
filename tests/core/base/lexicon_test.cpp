// Word classes from a WordNet lexicon: the test's own small one, and the system's.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/base/lexicon.h"
#include "support/temp_dir.h"

using namespace factdeck;

TEST_CASE("a lexicon gives words and short phrases their classes, inflected or not", "[lexicon]") {
  const Lexicon lexicon(std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/lexicon");
  REQUIRE_FALSE(lexicon.Empty());
  CHECK(lexicon.ClassesOf("memory") == kNoun);
  CHECK(lexicon.ClassesOf("Memory") == kNoun); // any case
  CHECK(lexicon.ClassesOf("handle") == (kNoun | kVerb));
  CHECK(lexicon.ClassesOf("asymptotic") == kAdjective);
  CHECK(lexicon.ClassesOf("between") == kAdverb);
  CHECK(lexicon.ClassesOf("child") == kNoun); // the first lemma after the licence lines
  CHECK(lexicon.ClassesOf("tree") == kNoun);  // the last line
  CHECK(lexicon.ClassesOf("zebra") == 0);
  CHECK(lexicon.ClassesOf("aardvark") == 0);
  // A word the lexicon lacks, by its suffix.
  CHECK(lexicon.ClassesOf("decidable") == kAdjective);
  CHECK(lexicon.ClassesOf("modularity") == kNoun);
  CHECK(lexicon.ClassesOf("virtualize") == kVerb);
  CHECK(lexicon.ClassesOf("") == 0);
  // Inflected: by WordNet's rules and by its exception lists.
  CHECK(lexicon.ClassesOf("keys") == kNoun);
  CHECK(lexicon.ClassesOf("allocates") == kVerb);
  CHECK(lexicon.ClassesOf("children") == kNoun);
  CHECK(lexicon.ClassesOf("bigger") == kAdjective);
  // A verb's "-ed" form is an adjective as well, its "-ing" form a noun.
  CHECK(lexicon.ClassesOf("allocated") == (kVerb | kAdjective));
  CHECK(lexicon.ClassesOf("ordered") == (kVerb | kAdjective));
  CHECK(lexicon.ClassesOf("debugging") == (kVerb | kNoun));
  // Phrases: as listed, else by their head.
  CHECK(lexicon.PhraseClasses("log in") == kVerb);
  CHECK(lexicon.PhraseClasses("desktop computer") == kNoun); // listed as one
  CHECK(lexicon.PhraseClasses("allocate memory") == kVerb);  // a verb before a noun
  CHECK(lexicon.PhraseClasses("merge sort") == kNoun);       // "sort" may be a verb: a name of a sort
  CHECK(lexicon.PhraseClasses("spanning tree") == kNoun);    // the verb is not as listed
  CHECK(lexicon.PhraseClasses("big keys") == kNoun);
  CHECK(lexicon.PhraseClasses("zebra / key") == 0); // the first alternative, unknown
  CHECK(lexicon.PhraseClasses("key (on a keyboard)") == kNoun);
  CHECK(lexicon.PhraseClasses("Handle") == (kNoun | kVerb));
  CHECK(lexicon.PhraseClasses("Debug") == (kNoun | kVerb)); // a name as well
  CHECK(lexicon.PhraseClasses("Zebra") == 0);               // a capital alone tells nothing
  CHECK(lexicon.PhraseClasses("Tree abc") == 0);
  CHECK(lexicon.PhraseClasses("zebra") == 0);
  CHECK(lexicon.PhraseClasses("key 2") == 0);                   // digits: no word
  CHECK(lexicon.PhraseClasses("one two three four tree") == 0); // longer than four words
  CHECK(WordClassName(kVerb) == "a verb");
  CHECK(WordClassName(kAdjective) == "an adjective");
  CHECK(WordClassName(kNoun | kVerb) == "a noun or verb");

  const Lexicon none(std::filesystem::path(FACTDECK_SOURCE_DIR) / "tests/data/no-such-folder");
  CHECK(none.Empty());
  CHECK(none.PhraseClasses("memory") == 0);
}

TEST_CASE("the system's lexicon finds every word it lists", "[lexicon]") {
  // scripts/lib.sh installs wordnet-base: the same lexicon on every machine.
  const Lexicon& english = Lexicon::English();
  REQUIRE_FALSE(english.Empty());
  CHECK(english.PhraseClasses("allocate") == kVerb);
  CHECK(english.PhraseClasses("keyboard") == kNoun);
  CHECK(english.PhraseClasses("asymptotic") == kAdjective);
  CHECK(english.PhraseClasses("arrow keys") == kNoun);
  CHECK(english.PhraseClasses("above") == kPreposition); // prepositions, FactDeck's own list
  CHECK(english.PhraseClasses("next to") == kPreposition);
  CHECK(english.PhraseClasses("on the left") == kPreposition);
  CHECK(english.PhraseClasses("immediately to the right") == kPreposition);
  CHECK(english.PhraseClasses("for loop") == kNoun);            // a compound, not a prepositional phrase
  CHECK(english.PhraseClasses("cable") == kNoun);               // six senses as a noun, two as a verb
  CHECK(english.PhraseClasses("left") == (kNoun | kAdjective)); // as listed, not the verb "leave"
  CHECK((english.PhraseClasses("saving") & (kVerb | kNoun)) != 0);
  // Every lemma of each index file is found in its class by the binary search: each file
  // read alone, so that no other class hides a miss.
  const char* files[] = {"index.noun", "index.verb", "index.adj", "index.adv"};
  const char* folder = std::getenv("FACTDECK_WORDNET_DIR");
  const std::filesystem::path system = folder && *folder ? folder : "/usr/share/wordnet";
  for (int pos = 0; pos < 4; ++pos) {
    const test::TempDir alone;
    std::filesystem::copy_file(system / files[pos], alone / files[pos]);
    const Lexicon one(alone.Path());
    std::ifstream in(system / files[pos]);
    REQUIRE(in);
    std::string line;
    size_t lemmas = 0;
    std::string missed;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      ++lemmas;
      const std::string lemma = line.substr(0, line.find(' '));
      if (one.ClassesOf(lemma) != (1u << pos)) missed += lemma + " ";
    }
    INFO(files[pos]);
    CHECK(lemmas > 1000);
    CHECK(missed == "");
  }
}

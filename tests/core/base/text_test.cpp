#include <catch2/catch.hpp>
#include <limits>

#include "core/base/text.h"

using namespace factdeck;

TEST_CASE("folding: case, accents, compatibility forms and spaces, ASCII or not", "[text]") {
  CHECK(Fold("Röhm") == Fold("ROHM"));
  CHECK(Fold("Тухачевский") == Fold("ТУХАЧЕВСКИЙ"));
  CHECK(Fold("Bažanov") == Fold("Bazanov"));
  CHECK(Fold("ﬁli") == Fold("FILI")); // the fi ligature
  CHECK(Fold("  Treaty \t of\nRapallo ") == "treaty of rapallo");
  CHECK(Fold("Kama") != Fold("Kazan"));
  // The ASCII fast path and the full path agree.
  CHECK(Fold("Lipetsk Scho\xCC\x81ol") == Fold("LIPETSK SCHOOL")); // o + combining acute
  CHECK(Fold("Lipetsk Scho\xCC\x81ol") == "lipetsk school");
}

TEST_CASE("slugs keep letters of any script", "[text]") {
  CHECK(Slug("Treaty of Rapallo, 1922!") == "treaty-of-rapallo-1922");
  CHECK(Slug("Тухачевский М. Н.") == "тухачевский-м-н");
  CHECK(Slug("...") == "");
}

TEST_CASE("typed tags split on spaces and commas", "[text]") {
  CHECK(SplitTags("lipetsk, kama  treaty,") == std::vector<std::string>{"lipetsk", "kama", "treaty"});
  CHECK(SplitTags("  ").empty());
}

TEST_CASE("a name made the end of a question, and where a first sentence ends", "[text]") {
  CHECK(AsQuestion("When: Rome falls.") == "When: Rome falls?");
  CHECK(AsQuestion("When: Rome falls") == "When: Rome falls?");
  CHECK(AsQuestion("Who won? ") == "Who won?");
  CHECK(AsQuestion("Revolution!") == "Revolution!");
  CHECK(AsQuestion("A list,;: ") == "A list?");
  CHECK(FirstSentenceEnd("Battle of Tours. Martel wins.") == 16);
  CHECK(FirstSentenceEnd("One sentence only.") == std::string::npos);
  CHECK(FirstSentenceEnd("c. 900 settlement") == std::string::npos);
  CHECK(FirstSentenceEnd("U.S. Army founded") == std::string::npos);
  CHECK(FirstSentenceEnd("St. Petersburg founded") == std::string::npos);
  CHECK(FirstSentenceEnd("Gen. Seeckt retires. Heye follows.") == 20);
  CHECK(FirstSentenceEnd("Talks end. \u0422\u0443\u0445\u0430\u0447\u0435\u0432\u0441\u043a\u0438\u0439 arrives.") ==
        10);
  CHECK(FirstSentenceEnd("Prices rose 5. 3 were hurt.") == 14);
  CHECK(FirstSentenceEnd("ends with etc. and more") == std::string::npos); // no capital follows
  CHECK(FirstSentenceEnd("Why? Nobody knows.") == 4);
}

TEST_CASE("TextShape tells numbers, dates, names and longer texts apart, and their script", "[text]") {
  CHECK(TextShape("450") == "number:3|none");
  CHECK(TextShape("1,250") == "number:4|none");
  CHECK(TextShape("0.5") == "number:1|none");
  CHECK(TextShape("5 km") == "number:1 km|latin");
  CHECK(TextShape("16 April 1922") == "date:0|latin");
  CHECK(TextShape("44 BC") == "date:3|latin");
  CHECK(TextShape("1920s") == "date:4|latin");
  CHECK(TextShape("London") == "name|latin");
  CHECK(TextShape("Buenos Aires") == "name|latin");
  CHECK(TextShape("Москва") == "name|cyrillic");
  CHECK(TextShape("Αθήνα") == "name|greek");
  CHECK(TextShape("東京") == "name|cjk");
  CHECK(TextShape("the powerhouse of the cell") == "text:0|latin");
  CHECK(TextShape("a long definition that goes on for well over sixty characters, as definitions do") ==
        "text:2|latin");
}

TEST_CASE("counts are shown with thousands separators", "[text]") {
  CHECK(CountText(0) == "0");
  CHECK(CountText(999) == "999");
  CHECK(CountText(1000) == "1,000");
  CHECK(CountText(1234567) == "1,234,567");
  CHECK(SignedCountText(-1200) == "-1,200");
  CHECK(SignedCountText(-999) == "-999");
  CHECK(SignedCountText(4500) == "4,500");
  CHECK(SignedCountText(std::numeric_limits<long long>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("capitalised words are the names of a sentence, in any script with case", "[text]") {
  CHECK(CapitalisedWords("Where did Hugo Sperrle train?") == std::vector<std::string>{"hugo", "sperrle"});
  CHECK(CapitalisedWords("Who was Röhm's deputy in the SA?") == std::vector<std::string>{"rohm", "sa"});
  CHECK(CapitalisedWords("Кем был Тухачевский?") == std::vector<std::string>{"тухачевскии"});
  CHECK(CapitalisedWords("Kama opened when?").empty()); // the first word may be capitalised anyway
  CHECK(CapitalisedWords("北京是哪个国家的首都?").empty());
}

#include <catch2/catch.hpp>

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

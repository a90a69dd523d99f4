#include <catch2/catch.hpp>

#include "core/base/shared_library.h"

using factdeck::SharedLibrary;

TEST_CASE("a library loaded when first used: found functions, and a clear error for what is missing", "[base]") {
  SharedLibrary missing("libfactdeck-no-such-library.so.1");
  CHECK_FALSE(missing.Loaded());
  CHECK_THAT(missing.Error(), Catch::Contains("libfactdeck-no-such-library.so.1"));
  int (*absent)(int) = nullptr;
  missing.Bind(absent, "abs");
  CHECK(absent == nullptr);

  SharedLibrary c("libc.so.6");
  REQUIRE(c.Loaded());
  int (*abs)(int) = nullptr;
  c.Bind(abs, "abs");
  REQUIRE(abs != nullptr);
  CHECK(abs(-7) == 7);
  CHECK(c.Error().empty());

  void (*nothing)() = nullptr;
  c.Bind(nothing, "factdeck_no_such_function");
  CHECK(nothing == nullptr);
  CHECK_FALSE(c.Loaded());
  CHECK_THAT(c.Error(), Catch::Contains("factdeck_no_such_function"));
}

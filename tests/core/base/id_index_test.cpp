#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/base/id_index.h"

using namespace factdeck;

namespace {
struct Item {
  std::string id;
  int value = 0;
};
} // namespace

TEST_CASE("the id index finds every item, the first of a shared id, and nothing for an unknown one", "[id-index]") {
  std::vector<Item> items;
  for (int i = 0; i < 5000; ++i)
    items.push_back({"item-with-a-long-id-" + std::to_string(i), i});
  items.push_back({"item-with-a-long-id-17", -1}); // a second item with an id already used
  items.push_back({"Тухачевский", 7000});
  items.push_back({"", 7001});
  IdIndex index;
  CHECK(index.Find(items, "item-with-a-long-id-0") == nullptr); // not built yet
  index.Build(items);
  for (int i = 0; i < 5000; ++i) {
    const Item* found = index.Find(items, "item-with-a-long-id-" + std::to_string(i));
    REQUIRE(found != nullptr);
    CHECK(found->value == i);
  }
  CHECK(index.Find(items, "item-with-a-long-id-17")->value == 17);
  CHECK(index.Find(items, "Тухачевский")->value == 7000);
  CHECK(index.Find(items, "")->value == 7001);
  CHECK(index.Find(items, "item-with-a-long-id-5000") == nullptr);
  CHECK(index.Find(items, "тухачевский") == nullptr); // ids are exact, not folded

  // A copy of the items with the index is found in the copy, not in the original.
  const std::vector<Item> copy = items;
  const IdIndex copiedIndex = index;
  CHECK(copiedIndex.Find(copy, "item-with-a-long-id-42") == &copy[42]);

  // Items removed after the build are not returned; an empty vector has nothing.
  items.resize(10);
  CHECK(index.Find(items, "item-with-a-long-id-4999") == nullptr);
  CHECK(index.Find(items, "item-with-a-long-id-9")->value == 9);
  items.clear();
  index.Build(items);
  CHECK(index.Find(items, "item-with-a-long-id-9") == nullptr);
}

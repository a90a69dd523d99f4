// For the kill test (tests/core/store_test.cpp): answers questions in a loop, committing
// each answer, and prints each committed review's id on its own line as soon as it is
// committed. The test kills it with SIGKILL at random moments.
// Usage: store_writer DATA_DIR
#include <cstdio>
#include <string>

#include "core/store/profile_store.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  using namespace factdeck;
  srs::TimeMs now = 1735689600000;
  auto opened = ProfileStore::Open(argv[1], now);
  if (!opened.store) {
    std::fprintf(stderr, "%s\n", opened.error.c_str());
    return 1;
  }
  const std::int64_t profile = opened.store->DefaultProfile();
  const srs::Fsrs fsrs;
  for (int i = 0;; ++i) {
    AnswerRecord answer;
    answer.profile = profile;
    answer.deck = "kill-test";
    answer.item = "item-" + std::to_string(i % 500);
    answer.kind = i % 2 ? srs::QuestionKind::When : srs::QuestionKind::MultipleChoice;
    answer.time = now + i * 1000;
    answer.options = R"(["A","B","C","D"])";
    answer.answer = "B";
    answer.correct = i % 3 != 0;
    answer.responseMs = 1000 + i % 4000;
    answer.rating = answer.correct ? srs::Rating::Good : srs::Rating::Again;
    srs::MemoryState before =
        opened.store->Card(profile, answer.deck, answer.item, answer.kind).value_or(srs::MemoryState{});
    answer.after = fsrs.Review(before, answer.time, answer.rating).card;
    StoreStatus saved = opened.store->RecordAnswer(answer);
    if (!saved) {
      std::fprintf(stderr, "%s\n", saved.message.c_str());
      return 1;
    }
    std::printf("%lld\n", static_cast<long long>(saved.id));
    std::fflush(stdout);
  }
}

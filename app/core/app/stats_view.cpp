#include "core/app/stats_view.h"
#include "core/import/deck_file.h"

#include <algorithm>

namespace factdeck {

StatsView LoadStatsView(ProfileStore& store, std::int64_t profile, srs::TimeMs now, srs::StudyDay day,
                        const std::vector<DeckEntry>& decks) {
  StatsView view;
  view.today = day.DayOf(now);
  view.totals = store.Stats(profile, now, day);
  view.calendar = store.Activity(profile, view.today - 53 * 7);
  view.dueForecast = store.DueForecast(profile, now, 30, day);
  view.retention = store.RetentionHistory(profile, now, 7, 12, day);
  view.sessions = store.Sessions(profile, 30);

  std::map<std::string, std::map<std::string, std::vector<std::string>>> tagsOf; // deck -> item -> tags
  for (const DeckEntry& entry : decks) {
    if (!entry.errors.empty()) continue;
    DeckLoad load = LoadDeckFile(entry.path.string(), entry.reading);
    auto& items = tagsOf[load.deck.id];
    for (const Fact& f : load.deck.facts) {
      if (const Entity* entity = load.deck.FindEntity(f.subject))
        items[f.id] = entity->tags;
      else if (const Event* event = load.deck.FindEvent(f.subject))
        items[f.id] = event->tags;
    }
    for (const Event& e : load.deck.events)
      items[e.id] = e.tags;
    for (const Card& c : load.deck.cards)
      items[c.id] = c.tags;
  }
  std::map<std::string, TagAccuracy> byTag;
  for (const ItemAccuracy& a : store.Accuracy(profile)) {
    const auto& tags = tagsOf[a.deck][a.item];
    for (const std::string& tag : tags.empty() ? std::vector<std::string>{"(no tag)"} : tags) {
      TagAccuracy& t = byTag[tag];
      t.tag = tag;
      t.right += a.correct;
      t.answers += a.reviews;
    }
  }
  for (auto& [tag, accuracy] : byTag)
    view.tags.push_back(accuracy);
  std::stable_sort(view.tags.begin(), view.tags.end(), [](const TagAccuracy& a, const TagAccuracy& b) {
    return static_cast<long long>(a.right) * b.answers < static_cast<long long>(b.right) * a.answers;
  });
  if (view.tags.size() > 12) view.tags.resize(12);
  view.weightsInUse = store.LearnerWeights(profile);
  view.lastFit = store.LastFit(profile);
  view.importedReviews = store.ImportedReviewCount(profile);
  return view;
}

} // namespace factdeck

// Intents of the one-screen classroom match: open the set-up on a deck, start a match with
// the set-up's teams and rules, buzz, answer, go on, save the results, start again.
#include <algorithm>

#include "core/app/reducer.h"
#include "core/live/live_room.h"

namespace factdeck::reducer {

namespace {

// The match being played, or null.
ClassroomMatch* Playing(AppState& state) {
  return state.classroom && state.classroom->match ? state.classroom->match.get() : nullptr;
}

// Saves a finished match once and reads the history again.
void SaveIfOver(AppState& state, srs::TimeMs now) {
  AppState::ClassroomState& c = *state.classroom;
  if (c.match->GetPhase() != ClassroomMatch::Phase::Finished || c.saved) return;
  c.saved = true;
  if (!state.store) {
    c.saveMessage = "Progress cannot be saved on this computer, so the match was not saved.";
    return;
  }
  StoreStatus saved = state.store->SaveMatch(c.match->Record(c.deck->id, now));
  c.saveMessage = saved ? "Match saved." : "The match could not be saved: " + saved.message;
  c.history = state.store->Matches(20);
}

} // namespace

void Apply(AppState& state, const OpenClassroom& open, Context&) {
  auto deck = LoadListedDeck(state, open.deck);
  if (!deck) return;
  if (!state.classroom) state.classroom = std::make_unique<AppState::ClassroomState>();
  state.classroom->deckIndex = open.deck;
  state.classroom->deck = std::move(deck);
  state.classroom->match.reset();
  state.classroom->setupMessage.clear();
  // What the deck can ask, as the home screen counted it when the deck was listed.
  const DeckEntry& entry = state.decks[open.deck];
  state.classroom->tagHint = entry.tagHint;
  state.classroom->kindCounts.clear();
  const auto& all = AllQuestionKinds();
  for (QuestionKind kind : kClassroomKinds) {
    const size_t k = static_cast<size_t>(std::find(all.begin(), all.end(), kind) - all.begin());
    state.classroom->kindCounts.push_back(k < entry.kindCounts.size() ? entry.kindCounts[k] : 0);
  }
  if (state.store) state.classroom->history = state.store->Matches(20);
  state.screen = Screen::Classroom;
}

void Apply(AppState& state, const StartMatch& start, Context& context) {
  if (!state.classroom || !state.classroom->deck) return;
  AppState::ClassroomState& c = *state.classroom;
  const ClassroomSetup& setup = start.setup;
  if (setup.kinds.empty() || setup.teams.size() < 2) return; // nothing to ask, or nobody to play
  ClassroomOptions options;
  options.mode = setup.mode;
  options.scoring = setup.scoring;
  options.request = SetupRequest(setup, context.now);
  options.secondsPerQuestion = std::clamp(setup.seconds, 5, 120);
  options.streakBonus = setup.streakBonus;
  options.hideLeaderboard = setup.hideLeaderboard;
  std::vector<ClassroomTeam> teams;
  // Team names follow the live game's rules for names (CleanNickname, CanDrawName): a name
  // that draws as nothing, or only partly, becomes the team's number.
  for (size_t i = 0; i < std::min(setup.teams.size(), kMaxClassroomTeams); ++i) {
    std::string name = CleanNickname(setup.teams[i].name, kMaxTeamNameCharacters);
    if (name.empty() || !CanDrawName(name, state.canDraw)) name = "Team " + std::to_string(i + 1);
    teams.push_back({name, setup.teams[i].colour, kClassroomBuzzKeys[i]});
  }
  c.match = std::make_unique<ClassroomMatch>(*c.deck, options, std::move(teams), context.now);
  if (c.match->QuestionCount() == 0) { // never an empty game: the set-up says why
    c.match.reset();
    c.setupMessage = NothingToAskMessage(*c.deck, setup.kinds, setup.tags);
    return;
  }
  c.setupMessage.clear();
  c.showingLeaderboard = false;
  c.saved = false;
  c.saveMessage.clear();
  c.previousRanks.clear();
}

void Apply(AppState& state, const ClassroomBuzz& buzz, Context& context) {
  if (ClassroomMatch* match = Playing(state)) match->Buzz(buzz.teams, context.now);
}

void Apply(AppState& state, const ClassroomAnswer& answer, Context& context) {
  if (ClassroomMatch* match = Playing(state)) match->AnswerAll(answer.options, context.now);
}

void Apply(AppState& state, const ClassroomTick&, Context& context) {
  if (ClassroomMatch* match = Playing(state)) match->Tick(context.now);
}

void Apply(AppState& state, const ClassroomNext&, Context& context) {
  ClassroomMatch* match = Playing(state);
  if (!match || match->GetPhase() != ClassroomMatch::Phase::Revealed) return;
  AppState::ClassroomState& c = *state.classroom;
  // After the answer: the leaderboard first (unless hidden until the end, or after the last
  // question), then the next question.
  const bool last = match->QuestionIndex() + 1 >= match->QuestionCount();
  if (!c.showingLeaderboard && !match->Options().hideLeaderboard && !last) {
    c.showingLeaderboard = true;
    return;
  }
  c.showingLeaderboard = false;
  c.previousRanks.clear();
  for (size_t t = 0; t < match->Teams().size(); ++t)
    c.previousRanks.push_back(match->RankOf(t));
  match->Next(context.now);
  SaveIfOver(state, context.now);
}

void Apply(AppState& state, const ExportMatch&, Context& context) {
  if (ClassroomMatch* match = Playing(state))
    WriteReport(state, "Results", "match", state.classroom->deck->id, "csv", match->ResultsCsv(), context.now);
}

void Apply(AppState& state, const NewMatch&, Context&) {
  if (!state.classroom) return;
  state.classroom->match.reset();
  state.classroom->showingLeaderboard = false;
}

} // namespace factdeck::reducer

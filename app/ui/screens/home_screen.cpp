// Home: the decks and the way into every mode.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/base/paths.h"
#include "core/import/csv.h"
#include "core/import/deck_file.h"
#include "ui/file_chooser.h"
#include "ui/screens/screens.h"
#include "core/base/text.h"

namespace factdeck::ui {

namespace {

// "New deck from a template": the four kinds of deck a teacher starts from, each copied into
// the decks folder to be filled in (docs/facts-format.md, "Templates").
void NewDeckPopup(UiContext& ui) {
  if (!ImGui::BeginPopupModal("New deck###new-deck", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("A new deck goes into your decks folder and opens in the editor, to fill in.");
  if (ImGui::Button("Empty deck", ImVec2(10 * ui.Em(), 0))) {
    ui.Post(NewDeckFromTemplate{"", "New deck"});
    ImGui::CloseCurrentPopup();
  }
  ui.Track("home/new-deck/empty");
  ImGui::SameLine();
  ImGui::TextWrapped("a facts file with only its title, to add cards, questions, events and facts to");
  struct Choice {
    const char *file, *label, *what;
  };
  static const Choice kChoices[] = {
      {"quiz.csv", "Quiz", "questions with four answers and the right one's letter, for class play (a spreadsheet)"},
      {"term-list.csv", "Term list", "terms and what they mean, as flashcards and multiple choice (a spreadsheet)"},
      {"chronology.csv", "Chronology", "dated events, for the timeline game and date questions (a spreadsheet)"},
      {"typed-facts.toml", "Typed facts", "things, what is true of them and who says so: FactDeck's own format"}};
  for (const Choice& c : kChoices) {
    if (ImGui::Button(c.label, ImVec2(10 * ui.Em(), 0))) {
      ui.Post(NewDeckFromTemplate{c.file});
      ImGui::CloseCurrentPopup();
    }
    ui.Track(std::string("home/new-deck/") + c.file);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", c.what);
  }
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ui.Track("home/new-deck/cancel");
  ImGui::EndPopup();
}

// The practice and exam set-up: how many questions, which kinds and tags, the timers.
void DrawQuizSetup(UiContext& ui, size_t deck, QuizMode mode) {
  const bool exam = mode == QuizMode::Exam;
  if (!ImGui::BeginPopupModal(exam ? "Exam###exam" : "Practice###practice", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  HomeForm& setup = ui.widgets.home;
  const std::string prefix = exam ? "home/exam/" : "home/practice/";
  ImGui::TextUnformatted(exam ? "Exam: no feedback until the end; mistakes return in study."
                              : "Practice: points for right answers, more for a streak.");
  ImGui::SetNextItemWidth(12 * ui.Em());
  ImGui::SliderInt("Questions", &setup.count, 1, 100);
  ui.Track(prefix + "count");
  // Each kind with how many items the deck has for it; a kind it cannot ask is greyed out.
  ImGui::TextUnformatted("Kinds:");
  const auto& kinds = AllQuestionKinds();
  const DeckEntry* entry = deck < ui.state.decks.size() ? &ui.state.decks[deck] : nullptr;
  bool anyAskable = false;
  for (size_t k = 0; k < kinds.size(); ++k) {
    if (k % 3 != 0) ImGui::SameLine();
    const size_t count = entry && k < entry->kindCounts.size() ? entry->kindCounts[k] : 0;
    bool on = setup.kinds[k];
    anyAskable = KindCheckbox(kinds[k], count, on) || anyAskable;
    setup.kinds[k] = on;
    ui.Track(prefix + "kind/" + std::to_string(k));
  }
  ImGui::SetNextItemWidth(20 * ui.Em());
  ImGui::InputTextWithHint("Tags", entry ? entry->tagHint.c_str() : "", setup.tags.data(), setup.tags.size());
  ImGui::SetNextItemWidth(12 * ui.Em());
  if (exam)
    ImGui::SliderInt("Time limit (minutes)", &setup.examMinutes, 1, 180);
  else {
    ImGui::SliderInt("Seconds per question (0: no timer)", &setup.secondsPerQuestion, 0, 120);
    ImGui::Checkbox("Streak bonus", &setup.streakBonus);
  }
  if (!anyAskable) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 36 * ui.Em());
    ImGui::TextWrapped("This deck has nothing to ask of the kinds chosen: tick a kind that shows a number above "
                       "zero, or add facts, dated events or cards to the deck.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui.Track(prefix + "nothing-to-ask");
  }
  ImGui::BeginDisabled(!anyAskable);
  const bool start = ImGui::Button("Start", ImVec2(8 * ui.Em(), 0));
  ImGui::EndDisabled();
  if (start) {
    QuizOptions options;
    options.mode = mode;
    options.request.count = static_cast<size_t>(setup.count);
    for (size_t k = 0; k < kinds.size(); ++k)
      if (setup.kinds[k] && entry && k < entry->kindCounts.size() && entry->kindCounts[k] > 0)
        options.request.kinds.push_back(kinds[k]);
    options.request.tags = SplitTags(setup.tags.data());
    options.secondsPerQuestion = exam ? 0 : setup.secondsPerQuestion;
    options.timeLimitSeconds = exam ? setup.examMinutes * 60 : 0;
    options.streakBonus = setup.streakBonus;
    if (!options.request.kinds.empty()) ui.Post(StartQuiz{deck, options});
    ImGui::CloseCurrentPopup();
  }
  ui.Track(prefix + "start");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// "Plan an exam" on a deck: its name, date, the tags it covers, the time a day, topic weights.
void DrawExamSetup(UiContext& ui, size_t deck) {
  if (!ImGui::BeginPopupModal("Plan an exam###plan-exam", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  HomeForm& form = ui.widgets.home;
  ImGui::TextWrapped("FactDeck plans each day's cards so that as many as possible are remembered on the exam day.");
  const float field = 18 * ui.Em();
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Name", ui.state.decks[deck].title.c_str(), form.examName.data(), form.examName.size());
  ui.Track("home/plan-exam/name");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Date", "2027-01-20 or 2027-01-20 14:30", form.examWhen.data(), form.examWhen.size());
  ui.Track("home/plan-exam/when");
  ImGui::SetNextItemWidth(field);
  // The deck's hint is "all, or e.g. TAGS": here an empty field is every card.
  std::string tagHint = ui.state.decks[deck].tagHint;
  if (tagHint.rfind("all, ", 0) == 0) tagHint = "every card, " + tagHint.substr(5);
  ImGui::InputTextWithHint("Tags", tagHint.c_str(), form.examTags.data(), form.examTags.size());
  ui.Track("home/plan-exam/tags");
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("Minutes a day", &form.examDailyMinutes, 5, 15);
  form.examDailyMinutes = std::clamp(form.examDailyMinutes, 1, 720);
  ui.Track("home/plan-exam/minutes");
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("Or cards a day (0: by minutes)", &form.examDailyCards, 10, 50);
  form.examDailyCards = std::clamp(form.examDailyCards, 0, 5000);
  ui.Track("home/plan-exam/cards");
  ImGui::SetNextItemWidth(field);
  ImGui::InputTextWithHint("Topic weights", "e.g. algebra=2 geometry=0.5", form.examWeights.data(),
                           form.examWeights.size());
  ui.Track("home/plan-exam/weights");
  if (ImGui::Button("Plan it")) {
    ui.Post(PlanExam{form.examName.data(), form.examWhen.data(), deck, form.examTags.data(), form.examDailyMinutes,
                     form.examWeights.data(), form.examDailyCards});
    ImGui::CloseCurrentPopup();
  }
  ui.Track("home/plan-exam/plan");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ui.Track("home/plan-exam/cancel");
  ImGui::EndPopup();
}

// The learner's exams: how the plan stands, today's share, the chart, and the ways in.
void DrawExams(UiContext& ui) {
  const ExamPlanning& planning = ui.state.exams;
  if (const std::string today = ExamTodayText(planning); !today.empty()) {
    ImGui::TextWrapped("%s", today.c_str());
    ui.Track("home/exams/today");
  }
  for (size_t e = 0; e < planning.exams.size(); ++e) {
    const ExamView& view = planning.exams[e];
    const std::string prefix = "home/exam/" + std::to_string(e);
    ImGui::PushID(static_cast<int>(view.exam.id));
    ImGui::TextWrapped("%s", ExamSummaryText(view, planning).c_str());
    ui.Track(prefix + "/summary");
    if (const std::string advice = ExamBudgetAdvice(view); !advice.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
      ImGui::TextWrapped("\xE2\x9A\xA0 %s", advice.c_str());
      ImGui::PopStyleColor();
      ui.Track(prefix + "/advice");
    }
    for (const std::string& missing : view.missing) {
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
      ImGui::TextWrapped("\xE2\x9A\xA0 The deck \"%s\" is not listed: its cards are not planned.", missing.c_str());
      ImGui::PopStyleColor();
    }
    if (view.chart.size() >= 2) {
      std::vector<float> points(view.chart.begin(), view.chart.end());
      points.insert(points.begin(), static_cast<float>(view.outlook.recallNow));
      ImGui::PlotLines("##chart", points.data(), static_cast<int>(points.size()), 0, nullptr, 0.0f, 1.0f,
                       ImVec2(16 * ui.Em(), 3 * ui.Em()));
      ui.Track(prefix + "/chart");
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
      const auto percent = [](double share) { return static_cast<int>(std::lround(share * 100)); };
      ImGui::TextWrapped("Likely remembered on the exam day: %d %% if you stopped now, %d %% by the plan. The "
                         "line rises with each day of the plan, from today to the exam.",
                         percent(view.outlook.recallNow), percent(view.outlook.recallPlanned));
      ImGui::PopStyleColor();
    }
    size_t deckIndex = ui.state.decks.size();
    for (size_t i = 0; i < ui.state.decks.size() && deckIndex == ui.state.decks.size(); ++i)
      if (!view.exam.decks.empty() && ui.state.decks[i].id == view.exam.decks.front()) deckIndex = i;
    if (view.tooFar) {
      if (ImGui::SmallButton("Remove exam")) ui.Post(RemoveExam{view.exam.id});
      ui.Track(prefix + "/remove");
      ImGui::PopID();
      ImGui::Separator();
      continue;
    }
    ImGui::BeginDisabled(deckIndex == ui.state.decks.size() || !view.studyToday);
    if (view.daysLeft <= 2) {
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
      ImGui::TextWrapped("The last days: revise the cards least likely remembered on the day first.");
      ImGui::PopStyleColor();
    }
    if (ImGui::Button("Study today's plan")) ui.Post(StartStudy{deckIndex, 0, false, view.exam.id, false});
    ui.Track(prefix + "/study");
    ImGui::EndDisabled();
    if (!view.studyToday && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Nothing is planned for today: the plan is done, or nothing would help more now.");
    ImGui::SameLine();
    ImGui::BeginDisabled(deckIndex == ui.state.decks.size() || view.outlook.cards == 0);
    if (ImGui::Button("Revise, weakest first")) ui.Post(StartStudy{deckIndex, 0, false, view.exam.id, true});
    ui.Track(prefix + "/revise");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove exam")) ui.Post(RemoveExam{view.exam.id});
    ui.Track(prefix + "/remove");
    ImGui::PopID();
    ImGui::Separator();
  }
}

// A workbook of several sheets: which one is read (each a deck of its own).
void DrawSheetChoice(UiContext& ui, const DeckEntry& deck, size_t index) {
  if (deck.sheets.size() < 2) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Sheet");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(16 * ui.Em());
  if (ImGui::BeginCombo("##sheet", deck.sheets[deck.sheet].c_str())) {
    for (size_t s = 0; s < deck.sheets.size(); ++s) {
      ImGui::PushID(static_cast<int>(s));
      if (ImGui::Selectable(deck.sheets[s].c_str(), s == deck.sheet) && s != deck.sheet) ui.Post(ChooseSheet{index, s});
      ui.Track("home/deck/" + std::to_string(index) + "/sheet/" + std::to_string(s));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ui.Track("home/deck/" + std::to_string(index) + "/sheet");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::Text("%zu sheets in the workbook", deck.sheets.size());
  ImGui::PopStyleColor();
}

// A file that holds a review history (an Anki package with its scheduling): what it holds,
// and bringing it into the learner's progress (again: only what is new).
void DrawHistory(UiContext& ui, const DeckEntry& deck, size_t index) {
  if (deck.historyReviews == 0) return;
  const auto brought = ui.state.historyBrought.find(deck.id);
  const std::int64_t had = brought == ui.state.historyBrought.end() ? 0 : brought->second;
  std::string learner = "your";
  for (const ProfileInfo& p : ui.state.profiles)
    if (p.id == ui.state.profile) learner = p.name + "'s";
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  if (had == 0)
    ImGui::TextWrapped("This Anki package holds a review history (%s entries in its log).",
                       CountText(deck.historyReviews).c_str());
  else
    ImGui::TextWrapped("Anki review history: %s reviews in %s progress.", CountText(static_cast<size_t>(had)).c_str(),
                       learner.c_str());
  ImGui::PopStyleColor();
  ui.Track("home/deck/" + std::to_string(index) + "/history");
  const std::string label = had == 0 ? "Bring it into " + learner + " progress" : "Bring newer reviews";
  if (had == 0 ? ImGui::Button(label.c_str()) : ImGui::SmallButton(label.c_str())) ui.Post(BringHistory{index});
  ui.Track("home/deck/" + std::to_string(index) + "/bring-history");
}

void DrawDeck(UiContext& ui, const DeckEntry& deck, size_t index) {
  ImGui::PushID(static_cast<int>(index));
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(deck.title.c_str());
  ImGui::PopFont();
  ui.Track("home/deck/" + std::to_string(index));
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  const DeckSummary& s = deck.summary;
  ImGui::TextUnformatted(SummaryText(s).c_str());
  ImGui::TextUnformatted(deck.path.filename().string().c_str());
  ImGui::PopStyleColor();
  // The file: edited here (a facts file, CSV or TSV: the files FactDeck writes), read again.
  const std::string file = deck.path.string();
  if (LowerExtension(file) == ".toml" || IsDelimitedFile(file)) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Edit")) ui.Post(OpenEditor{index, {}});
    ui.Track("home/deck/" + std::to_string(index) + "/edit");
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Read it again")) ui.Post(ReadDecksAgain{});
  ui.Track("home/deck/" + std::to_string(index) + "/reload");
  DrawSheetChoice(ui, deck, index);
  if (deck.errors.empty()) {
    DeckProgress progress{deck.id, 0, 0, 0};
    for (const DeckProgress& p : ui.state.progress)
      if (p.deck == deck.id) progress = p;
    const long long seen = progress.learning + progress.learned;
    auto count = [](long long n) { return CountText(static_cast<size_t>(std::max(0LL, n))); };
    // The new cards, and what they are made of when items are asked more than one way.
    const std::string ways = WaysText(deck);
    ImGui::Text("%s due now · %s new%s · %s learning · %s learned", count(progress.dueNow).c_str(),
                count(static_cast<long long>(deck.studyCards) - seen).c_str(),
                ways.empty() ? "" : (" (" + ways + ")").c_str(), count(progress.learning).c_str(),
                count(progress.learned).c_str());
    ui.Track("home/deck/" + std::to_string(index) + "/progress");
    const std::string prefix = "home/deck/" + std::to_string(index);
    if (ImGui::Button("Study", ImVec2(8 * ui.Em(), 0))) ui.Post(StartStudy{index});
    ui.Track(prefix + "/study");
    SameLineIfFits(8 * ui.Em());
    if (ImGui::Button("Practice", ImVec2(8 * ui.Em(), 0))) ImGui::OpenPopup("Practice###practice");
    ui.Track(prefix + "/practice");
    SameLineIfFits(8 * ui.Em());
    if (ImGui::Button("Exam", ImVec2(8 * ui.Em(), 0))) ImGui::OpenPopup("Exam###exam");
    ui.Track(prefix + "/exam");
    SameLineIfFits(8 * ui.Em());
    // A mode with nothing to ask is shown greyed, with the reason.
    ImGui::BeginDisabled(!deck.timeline);
    if (ImGui::Button("Timeline", ImVec2(8 * ui.Em(), 0))) ui.Post(StartTimeline{index});
    ImGui::EndDisabled();
    if (!deck.timeline && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("No timeline: the deck has no two dated events to place.");
    ui.Track(prefix + "/timeline");
    if (!deck.timeline) ui.Track(prefix + "/timeline-off");
    SameLineIfFits(8 * ui.Em());
    if (ImGui::Button("Classroom", ImVec2(8 * ui.Em(), 0))) ui.Post(OpenClassroom{index});
    ui.Track(prefix + "/classroom");
    SameLineIfFits(10 * ui.Em());
    if (ImGui::Button("Plan an exam", ImVec2(10 * ui.Em(), 0))) ImGui::OpenPopup("Plan an exam###plan-exam");
    ui.Track(prefix + "/plan-exam");
    DrawQuizSetup(ui, index, QuizMode::Practice);
    DrawQuizSetup(ui, index, QuizMode::Exam);
    DrawExamSetup(ui, index);
    DrawHistory(ui, deck, index);
  }
  if (deck.errors.empty() && !deck.notice.empty()) {
    // How the file was read, when it is not what its author most likely meant.
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::TextWrapped("\xE2\x9A\xA0 %s", deck.notice.c_str());
    ImGui::PopStyleColor();
    ui.Track("home/deck/" + std::to_string(index) + "/notice");
  }
  if (deck.errors.empty() && !deck.warnings.empty()) {
    // What the file could not give, said plainly; the list opens on demand.
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    std::string label = "\xE2\x9A\xA0 ";
    if (deck.skippedRows > 0)
      label += std::to_string(deck.skippedRows) + (deck.skippedRows == 1 ? " row" : " rows") +
               " of the file could not be read and " + (deck.skippedRows == 1 ? "was" : "were") + " left out";
    else
      label += std::to_string(deck.warnings.size()) + (deck.warnings.size() == 1 ? " warning" : " warnings");
    const bool open = ImGui::TreeNode("warnings", "%s", label.c_str());
    ImGui::PopStyleColor();
    ui.Track("home/deck/" + std::to_string(index) + "/warnings");
    if (open) {
      for (const std::string& warning : deck.warnings)
        ImGui::TextWrapped("%s", warning.c_str());
      ui.Track("home/deck/" + std::to_string(index) + "/warnings/list");
      ImGui::TreePop();
    }
  }
  if (!deck.errors.empty()) {
    // A broken deck shows what is wrong instead of starting, and reads the file again on demand.
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->wrong);
    ImGui::Text("\xE2\x9C\x97 %zu %s: fix the file, then read it again", deck.errors.size(),
                deck.errors.size() == 1 ? "error" : "errors");
    ImGui::PopStyleColor();
    for (const std::string& error : deck.errors)
      ImGui::TextWrapped("%s", error.c_str());
    ui.Track("home/deck/" + std::to_string(index) + "/errors");
  }
  if (deck.previewable) {
    // A file of rows or an Anki package: how it is read, shown and changed in the import preview.
    if (ImGui::SmallButton("How the file is read")) ui.Post(PreviewImport{index});
    ui.Track("home/deck/" + std::to_string(index) + "/reading");
  }
  if (deck.opened) {
    // A deck opened by path is remembered; it can be taken off the list (the file stays).
    if (deck.previewable) ImGui::SameLine();
    if (ImGui::SmallButton("Remove from this list")) ui.Post(ForgetDeck{deck.path});
    ui.Track("home/deck/" + std::to_string(index) + "/forget");
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PopID();
}

} // namespace

// The learner studying now, and the ways to add, rename and remove learners.
void DrawProfiles(UiContext& ui) {
  const AppState& state = ui.state;
  if (!state.store) return;
  std::string current = "?";
  for (const ProfileInfo& p : state.profiles)
    if (p.id == state.profile) current = p.name;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Learner");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(14 * ui.Em());
  if (ImGui::BeginCombo("##profile", current.c_str())) {
    for (const ProfileInfo& p : state.profiles) {
      ImGui::PushID(static_cast<int>(p.id));
      if (ImGui::Selectable(p.name.c_str(), p.id == state.profile)) ui.Post(SwitchProfile{p.id});
      ui.Track("home/profile/" + p.name);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ui.Track("home/profiles");
  auto& name = ui.widgets.home.profileName;
  // `popup` is "Title###id": the title is shown, the id names the widgets for tests.
  auto nameDialog = [&](const char* popup, const char* title, auto&& done) {
    const std::string id = std::string(popup).substr(std::string(popup).find("###") + 3);
    if (ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::TextUnformatted(title);
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      ImGui::SetNextItemWidth(16 * ui.Em());
      const bool entered = ImGui::InputText("##name", name.data(), name.size(), ImGuiInputTextFlags_EnterReturnsTrue);
      ui.Track(std::string("home/") + id + "/name");
      if ((ImGui::Button("OK") || entered) && name[0] != '\0') {
        done(std::string(name.data()));
        ImGui::CloseCurrentPopup();
      }
      ui.Track(std::string("home/") + id + "/ok");
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  };
  SameLineIfFits(ButtonWidth("New"));
  if (ImGui::Button("New")) {
    name.fill('\0');
    ImGui::OpenPopup("New learner###new-profile");
  }
  ui.Track("home/profile-new");
  SameLineIfFits(ButtonWidth("Rename"));
  if (ImGui::Button("Rename")) {
    name.fill('\0');
    std::snprintf(name.data(), name.size(), "%s", current.c_str());
    ImGui::OpenPopup("Rename learner###rename-profile");
  }
  ui.Track("home/profile-rename");
  SameLineIfFits(ButtonWidth("Delete"));
  if (ImGui::Button("Delete") && state.profiles.size() > 1) ImGui::OpenPopup("Delete learner###delete-profile");
  ui.Track("home/profile-delete");
  nameDialog("New learner###new-profile",
             "Name of the new learner:", [&](std::string n) { ui.Post(CreateProfile{std::move(n)}); });
  nameDialog("Rename learner###rename-profile", "New name:", [&](std::string n) {
    ui.Post(RenameProfile{state.profile, std::move(n)});
  });
  if (ImGui::BeginPopupModal("Delete learner###delete-profile", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Delete %s and all of their progress? This cannot be undone\n(except by restoring a backup).",
                current.c_str());
    if (ImGui::Button("Delete")) {
      ui.Post(DeleteProfile{state.profile});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("home/delete-profile/confirm");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

namespace {

// A folder's sub-folders and deck files, each sorted by name; hidden ones left out.
void ListFolder(const std::filesystem::path& dir, std::vector<std::filesystem::path>& folders,
                std::vector<std::filesystem::path>& files) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::filesystem::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) continue;
    std::error_code typeError;
    if (it->is_directory(typeError))
      folders.push_back(p);
    else if (IsDeckFileName(p.string()))
      files.push_back(p);
  }
  std::sort(folders.begin(), folders.end());
  std::sort(files.begin(), files.end());
}

// The deck browser: folders to walk through, deck files to open, starting in the decks folder.
void DrawDeckBrowser(UiContext& ui) {
  ImGui::SetNextWindowSize(ImVec2(40 * ui.Em(), 28 * ui.Em()), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Open a deck###browse")) return;
  auto& dir = ui.widgets.home.browseDir;
  if (dir.empty()) dir = ui.state.UserDecksDir();
  ImGui::TextWrapped("%s", dir.string().c_str());
  ui.Track("home/browse/folder");
  if (ImGui::Button("Up") && dir.has_parent_path() && dir.parent_path() != dir) dir = dir.parent_path();
  ui.Track("home/browse/up");
  ImGui::SameLine();
  if (ImGui::Button("Decks folder")) dir = ui.state.UserDecksDir();
  ImGui::SameLine();
  if (auto home = ProcessEnv("HOME"); home && ImGui::Button("Home folder")) dir = *home;
  std::vector<std::filesystem::path> folders, files;
  ListFolder(dir, folders, files);
  ImGui::BeginChild("entries", ImVec2(0, -2.2f * ui.Em()), true);
  std::filesystem::path next;
  for (const auto& folder : folders) {
    if (ImGui::Selectable((folder.filename().string() + "/").c_str())) next = folder;
    ui.Track("home/browse/dir/" + folder.filename().string());
  }
  for (const auto& file : files) {
    if (ImGui::Selectable(file.filename().string().c_str())) {
      ui.Post(OpenDeck{file});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("home/browse/file/" + file.filename().string());
  }
  if (folders.empty() && files.empty()) ImGui::TextDisabled("No folders or deck files (.toml, .csv, .tsv, .txt) here.");
  ImGui::EndChild();
  if (!next.empty()) dir = next;
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    ImGui::CloseCurrentPopup();
  ui.Track("home/browse/cancel");
  ImGui::EndPopup();
}

} // namespace

// Opening a deck: browse for the file, or type its path (decks can also be dropped on the
// window, put in the decks folder, or given with --deck).
void DrawOpenDeck(UiContext& ui) {
  auto& path = ui.widgets.home.deckPath;
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  // Under the home folder written with "~", as people write it.
  std::string folder = ui.state.UserDecksDir().string();
  if (auto home = ProcessEnv("HOME"); home && !home->empty() && folder.rfind(*home + "/", 0) == 0)
    folder = "~" + folder.substr(home->size());
  ImGui::TextWrapped("Your decks folder: %s (every deck file put there is listed here)", folder.c_str());
  ImGui::PopStyleColor();
  ui.Track("home/decks-folder");
  if (ImGui::SmallButton("Show the folder")) ui.widgets.home.folderError = OpenFolderOnDesktop(ui.state.UserDecksDir());
  ui.Track("home/show-folder");
  ImGui::SameLine();
  if (ImGui::SmallButton("Read the decks again")) ui.Post(ReadDecksAgain{});
  ui.Track("home/read-again");
  ImGui::SameLine();
  if (ImGui::SmallButton("New deck...")) ImGui::OpenPopup("New deck###new-deck");
  ui.Track("home/new-deck");
  NewDeckPopup(ui);
  if (!ui.widgets.home.folderError.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ui.palette->warning, "Could not show it: %s", ui.widgets.home.folderError.c_str());
    ui.Track("home/show-folder/error");
  }
  // The desktop's own file chooser when there is one, FactDeck's deck browser otherwise.
  auto browse = [&ui] {
    if (ui.fileChooser != nullptr)
      ui.fileChooser->Open("Open a deck");
    else
      ImGui::OpenPopup("Open a deck###browse");
  };
  const bool choosing = ui.fileChooser != nullptr && ui.fileChooser->IsWaiting();
  ImGui::BeginDisabled(choosing);
  if (ImGui::Button("Browse\xE2\x80\xA6")) browse();
  ImGui::EndDisabled();
  ui.Track("home/browse");
  if (std::exchange(ui.widgets.home.showBrowser, false)) ImGui::OpenPopup("Open a deck###browse");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-8 * ui.Em());
  const bool entered = ImGui::InputTextWithHint(
      "##deck_path", "or type the path of a deck: .toml, .csv, .xlsx, .ods, .apkg (or drop it on the window)",
      path.data(), path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  ui.Track("home/deck-path");
  ImGui::SameLine();
  if (ImGui::Button("Open", ImVec2(-1, 0)) || entered) {
    if (path[0] == '\0') {
      if (!choosing) browse(); // nothing typed: choose the file instead
    } else {
      ui.Post(OpenDeck{std::filesystem::path(path.data())});
      path.fill('\0');
    }
  }
  ui.Track("home/open");
  if (choosing) {
    ImGui::TextDisabled("Choose the deck in the file chooser that opened (or close it to come back).");
    ui.Track("home/choosing");
  }
  DrawDeckBrowser(ui);
}

void DrawHomeScreen(UiContext& ui) {
  Heading(ui, "FactDeck");
  ui.Track("home/title");
  // Stats and Settings on the title's line, at the right; below it when the window is too
  // narrow for both.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float button = std::max(ButtonWidth("Stats"), ButtonWidth("Settings")) + ui.Em();
  const float buttons = 2 * button + style.ItemSpacing.x;
  const float titleEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ui.Em();
  if (titleEnd + buttons <= ImGui::GetContentRegionMax().x) ImGui::SameLine(ImGui::GetContentRegionMax().x - buttons);
  if (ImGui::Button("Stats", ImVec2(button, 0))) ui.Post(GoToScreen{Screen::Stats});
  ui.Track("home/stats");
  ImGui::SameLine();
  if (ImGui::Button("Settings", ImVec2(button, 0))) ui.Post(GoToScreen{Screen::Settings});
  ui.Track("home/settings");
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted("Quizzes and flashcards from typed facts");
  if (ui.state.streak > 0) {
    ImGui::SameLine();
    ImGui::Text("  ·  day streak: %d", ui.state.streak);
  }
  ImGui::PopStyleColor();
  ImGui::Separator();
  // Below the title, a column of readable width on a wide window.
  const ContentColumn column(ui, 64);
  DrawProfiles(ui);
  DrawOpenDeck(ui);
  ImGui::Spacing();

  if (ui.state.decks.empty()) {
    ImGui::TextWrapped("No decks yet. Open a deck file with Browse\xE2\x80\xA6, drop one on the window, or put "
                       ".toml and .csv decks in your decks folder.");
    return;
  }
  ImGui::BeginChild("decks", ImVec2(0, 0), false);
  DrawExams(ui);
  for (size_t i = 0; i < ui.state.decks.size(); ++i)
    DrawDeck(ui, ui.state.decks[i], i);
  ImGui::EndChild();
}

} // namespace factdeck::ui

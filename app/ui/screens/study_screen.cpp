// Study: today's queue for one deck, a question at a time. Keys: 1-4 or A-D answer,
// Space or Enter reveal and continue, arrows move an ordering item, Esc leaves (every
// answer is already saved).
#include <algorithm>

#include <GLFW/glfw3.h>

#include "core/base/text.h"
#include "ui/screens/game_widgets.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// 1-4 or A-D: the option index pressed this frame, or -1.
int OptionKey(size_t options) {
  for (size_t i = 0; i < options && i < 9; ++i)
    if (Pressed(GLFW_KEY_1 + static_cast<int>(i)) || (i < 4 && Pressed(GLFW_KEY_A + static_cast<int>(i))))
      return static_cast<int>(i);
  return -1;
}

bool ContinueKey() { return Pressed(GLFW_KEY_SPACE) || Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER); }

// A full-width option button; after the answer, coloured and marked right or wrong. In a
// select-all question a press marks or unmarks the option (`marked`) until Check.
void OptionButton(UiContext& ui, const std::string& label, size_t index, const Question& q,
                  const StudyFeedback* feedback, const std::vector<int>& chosen, std::vector<int>* marked) {
  ImGui::PushID(static_cast<int>(index));
  const int option = static_cast<int>(index);
  const bool isRight = IsRightOption(q, option);
  const bool wasChosen = std::find(chosen.begin(), chosen.end(), option) != chosen.end();
  int colours = 0;
  std::string text = std::to_string(index + 1) + "   " + label;
  const bool isMarked = marked != nullptr && std::find(marked->begin(), marked->end(), option) != marked->end();
  if (marked != nullptr && feedback == nullptr) {
    text = std::string(isMarked ? "[x]" : "[  ]") + "  " + text;
    if (isMarked) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      ++colours;
    }
  } else if (feedback == nullptr && wasChosen) {
    // An exam answer given and not yet handed in: shown, and changed by choosing another.
    text = "\xE2\x97\x8F  " + text;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ++colours;
  }
  if (feedback != nullptr) {
    // Marked by colour and by symbol, so that colour-blind learners see it too.
    auto paint = [&](const ImVec4& colour) {
      for (ImGuiCol c : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive})
        ImGui::PushStyleColor(c, colour);
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.05f, 0.08f, 1.0f));
      colours += 4;
    };
    if (isRight) {
      paint(ui.palette->right);
      text = std::string(kRightMark) + "  " + text + (SelectAll(q) && !wasChosen ? "   (not marked)" : "");
    } else if (wasChosen) {
      paint(ui.palette->wrong);
      text = std::string(kWrongMark) + "  " + text;
    }
  }
  if (feedback != nullptr && colours == 0) {
    // Answered: an unmarked option no longer lights up under the mouse, so that only the
    // right and the chosen ones stand out.
    const ImVec4 plain = ImGui::GetStyleColorVec4(ImGuiCol_Button);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, plain);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, plain);
    colours += 2;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
  if (ImGui::Button(text.c_str(), ImVec2(-1, 2.4f * ui.Em())) && feedback == nullptr) {
    if (marked == nullptr)
      ui.Post(StudyChoose{option});
    else
      ToggleOption(*marked, option);
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(colours);
  ui.Track("study/option/" + std::to_string(index));
  ImGui::PopID();
}

// Picture options, two by two: a picture in each tile, numbered; once answered the right one
// and a wrong choice are framed in their colours and marked, and each tile says whose picture
// it is (before, too, when the pictures only illustrate the words).
void DrawPictureOptions(UiContext& ui, const Question& q, const StudyFeedback* feedback,
                        const std::vector<int>& chosen) {
  const float gap = 0.8f * ui.Em();
  const float width = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const ImVec2 tile(width, std::clamp(width * 0.55f, 6 * ui.Em(), 13 * ui.Em()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < q.options.size(); ++i) {
    if (i % 2 == 1) ImGui::SameLine(0, gap);
    const int option = static_cast<int>(i);
    const bool isRight = IsRightOption(q, option);
    const bool wasChosen = std::find(chosen.begin(), chosen.end(), option) != chosen.end();
    const ImVec2 at = ImGui::GetCursorScreenPos(), end(at.x + tile.x, at.y + tile.y);
    ImGui::PushID(option);
    if (ImGui::InvisibleButton("picture", tile) && feedback == nullptr) ui.Post(StudyChoose{option});
    ImGui::PopID();
    ui.Track("study/option/" + std::to_string(i));
    const ImGuiCol background = feedback == nullptr && (wasChosen || ImGui::IsItemActive()) ? ImGuiCol_ButtonActive
                                : feedback == nullptr && ImGui::IsItemHovered()             ? ImGuiCol_ButtonHovered
                                                                                            : ImGuiCol_Button;
    draw->AddRectFilled(at, end, ImGui::GetColorU32(background), 0.4f * ui.Em());
    std::string label = std::to_string(i + 1);
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (feedback != nullptr && (isRight || wasChosen)) {
      // Marked by colour and by symbol, so that colour-blind learners see it too.
      text = ImGui::GetColorU32(isRight ? ui.palette->right : ui.palette->wrong);
      draw->AddRect(at, end, text, 0.4f * ui.Em(), 0, 0.3f * ui.Em());
      label += std::string("  ") + (isRight ? kRightMark : kWrongMark);
    } else if (feedback == nullptr && wasChosen) {
      label = "\xE2\x97\x8F " + label; // an exam answer given, not yet handed in
    }
    draw->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(at.x + 0.5f * ui.Em(), at.y + 0.3f * ui.Em()), text,
                  label.c_str());
    const bool named = feedback != nullptr || !q.picturesOnly;
    PictureInBox(ui, draw, q.optionImages[i], ImVec2(at.x + 2.4f * ui.Em(), at.y + 0.5f * ui.Em()),
                 ImVec2(end.x - 2.4f * ui.Em(), end.y - 0.4f * ui.Em()), named ? q.options[i] : std::string(), text,
                 "study/option/" + std::to_string(i) + "/picture", feedback != nullptr && !isRight ? 0.6f : 1.0f);
  }
}

// The options of a question. A select-all question is answered by marking options (click
// or number) and pressing Check (Enter).
void DrawOptions(UiContext& ui, const Question& q, const StudyFeedback* feedback) {
  const std::vector<int>& chosen = ui.state.study->chosen;
  std::vector<int>* marked = SelectAll(q) ? &ui.widgets.study.marked : nullptr;
  if (marked != nullptr && feedback == nullptr) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextUnformatted("Select all that apply, then Check.");
    ImGui::PopStyleColor();
  }
  if (!q.optionImages.empty() && q.optionImages.size() == q.options.size() && marked == nullptr)
    DrawPictureOptions(ui, q, feedback, chosen);
  else
    for (size_t i = 0; i < q.options.size(); ++i)
      OptionButton(ui, q.options[i], i, q, feedback, chosen, marked);
  if (feedback != nullptr) return;
  const int key = OptionKey(q.options.size());
  if (marked == nullptr) {
    if (key >= 0) ui.Post(StudyChoose{key});
    return;
  }
  if (key >= 0) ToggleOption(*marked, key);
  ImGui::Spacing();
  ImGui::BeginDisabled(marked->empty());
  if (ImGui::Button("Check (Enter)", ImVec2(12 * ui.Em(), 2.2f * ui.Em())) ||
      (!marked->empty() && (Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER))))
    ui.Post(StudyChooseAll{*marked});
  ImGui::EndDisabled();
  ui.Track("study/check");
}

// The ordering being built: select an item (click or its number), move it with the arrow
// keys or the buttons, or drag it; Enter submits.
void DrawOrdering(UiContext& ui, const Question& q, const StudyFeedback* feedback) {
  StudyWidgets& study = ui.widgets.study;
  std::vector<int>& order = study.order;
  if (feedback == nullptr) {
    if (Pressed(GLFW_KEY_UP) && study.selected > 0) {
      std::swap(order[static_cast<size_t>(study.selected)], order[static_cast<size_t>(study.selected - 1)]);
      --study.selected;
    }
    if (Pressed(GLFW_KEY_DOWN) && study.selected + 1 < static_cast<int>(order.size())) {
      std::swap(order[static_cast<size_t>(study.selected)], order[static_cast<size_t>(study.selected + 1)]);
      ++study.selected;
    }
    const int key = OptionKey(order.size());
    if (key >= 0) study.selected = key;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted(
      feedback ? "Your order:"
               : "Earliest first. Select with a click or its number; move with the arrow keys or by dragging.");
  ImGui::PopStyleColor();
  for (size_t place = 0; place < order.size(); ++place) {
    ImGui::PushID(static_cast<int>(place));
    const int option = order[place];
    std::string label = std::to_string(place + 1) + "   " + q.options[static_cast<size_t>(option)];
    if (feedback != nullptr) {
      const bool inPlace = q.order[place] == option;
      label = std::string(inPlace ? kRightMark : kWrongMark) + "  " + label;
      ImGui::PushStyleColor(ImGuiCol_Text, inPlace ? ui.palette->right : ui.palette->wrong);
    }
    if (ImGui::Selectable(label.c_str(), feedback == nullptr && study.selected == static_cast<int>(place), 0,
                          ImVec2(0, 1.8f * ui.Em())))
      study.selected = static_cast<int>(place);
    ui.Track("study/order/" + std::to_string(place));
    if (feedback == nullptr) {
      if (ImGui::BeginDragDropSource()) {
        int from = static_cast<int>(place);
        ImGui::SetDragDropPayload("ORDER_ITEM", &from, sizeof from);
        ImGui::TextUnformatted(q.options[static_cast<size_t>(option)].c_str());
        ImGui::EndDragDropSource();
      }
      if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("ORDER_ITEM")) {
          const int from = *static_cast<const int*>(payload->Data);
          const int moved = order[static_cast<size_t>(from)];
          order.erase(order.begin() + from);
          order.insert(order.begin() + static_cast<std::ptrdiff_t>(place), moved);
          study.selected = static_cast<int>(place);
        }
        ImGui::EndDragDropTarget();
      }
    } else {
      ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  if (feedback == nullptr) {
    ImGui::Spacing();
    if (ImGui::Button("Submit order (Enter)") || Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER))
      ui.Post(StudyOrder{order});
    ui.Track("study/submit");
  }
}

void DrawTypedYear(UiContext& ui, const StudyFeedback* feedback) {
  StudyWidgets& study = ui.widgets.study;
  if (feedback != nullptr) {
    ImGui::Text("You wrote: %s", study.typed.data());
    return;
  }
  ImGui::SetNextItemWidth(10 * ui.Em());
  if (ImGui::IsWindowAppearing() || study.focusInput) {
    ImGui::SetKeyboardFocusHere();
    study.focusInput = false;
  }
  const bool entered = ImGui::InputTextWithHint("##year", "e.g. 1922 or 44 BC", study.typed.data(), study.typed.size(),
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ui.Track("study/year");
  ImGui::SameLine();
  if ((ImGui::Button("Answer") || entered) && study.typed[0] != '\0') ui.Post(StudyTypeYear{study.typed.data()});
  ui.Track("study/answer");
}

void DrawFlashcard(UiContext& ui, const Question& q, const StudyFeedback* feedback) {
  const StudyState& study = *ui.state.study;
  if (!study.revealed) {
    if (ImGui::Button("Show answer (Space)", ImVec2(14 * ui.Em(), 2.2f * ui.Em())) || ContinueKey())
      ui.Post(StudyReveal{});
    ui.Track("study/reveal");
    return;
  }
  ImGui::Separator();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextWrapped("%s", q.answerText.c_str());
  ImGui::PopFont();
  // A question asked from memory keeps what its options' feedback would say: the
  // explanation and the source.
  if (q.recallOf && !q.explanation.empty()) ImGui::TextWrapped("%s", q.explanation.c_str());
  if (!q.source.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("Source: %s", q.source.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (feedback != nullptr) return;
  static const char* kGrades[] = {"Again", "Hard", "Good", "Easy"};
  const auto intervals = study.session->GradeIntervals(ui.state.clock());
  for (int g = 0; g < 4; ++g) {
    if (g > 0) ImGui::SameLine();
    const std::string label =
        std::to_string(g + 1) + "  " + kGrades[g] + "\n" +
        (intervals[static_cast<size_t>(g)].empty() ? std::string(g == 0 ? "did not know" : "knew it")
                                                   : intervals[static_cast<size_t>(g)]);
    if (ImGui::Button(label.c_str(), ImVec2(7 * ui.Em(), 2.8f * ui.Em())) || Pressed(GLFW_KEY_1 + g))
      ui.Post(StudyGrade{static_cast<srs::Rating>(g + 1)});
    ui.Track("study/grade/" + std::to_string(g + 1));
  }
}

// An exam before it is handed in: every question as a numbered button (answered ones
// ticked, flagged ones starred), back and forward (the arrow keys), a flag (F), and hand-in
// with what is still unanswered.
void DrawExamNavigator(UiContext& ui, const QuizSession& quiz) {
  const size_t current = quiz.Position();
  const float step = ButtonWidth("00 \xE2\x9C\x93\xE2\x98\x85") + ImGui::GetStyle().ItemSpacing.x;
  for (size_t i = 0; i < quiz.Total(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    std::string label = std::to_string(i + 1);
    if (quiz.Draft(i)) label += " \xE2\x9C\x93";
    if (quiz.Flagged(i)) label += " \xE2\x98\x85";
    int colours = 0;
    if (i == current) {
      ImGui::PushStyleColor(ImGuiCol_Button, ui.palette->accent);
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.05f, 0.05f, 0.08f, 1.0f));
      colours = 2;
    } else if (!quiz.Draft(i)) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
      colours = 1;
    }
    if (ImGui::Button(label.c_str(), ImVec2(step - ImGui::GetStyle().ItemSpacing.x, 0))) ui.Post(ExamGoTo{i});
    ImGui::PopStyleColor(colours);
    ui.Track("exam/question/" + std::to_string(i));
    ImGui::PopID();
    if (i + 1 < quiz.Total()) SameLineIfFits(step - ImGui::GetStyle().ItemSpacing.x);
  }
}

void DrawExamControls(UiContext& ui, const QuizSession& quiz) {
  const size_t current = quiz.Position(), total = quiz.Total();
  const bool typing = ImGui::GetIO().WantTextInput;
  ImGui::Spacing();
  ImGui::BeginDisabled(current == 0);
  if (ImGui::Button("\xE2\x86\x90 Previous") || (!typing && current > 0 && Pressed(GLFW_KEY_LEFT)))
    ui.Post(ExamGoTo{current - 1});
  ImGui::EndDisabled();
  ui.Track("exam/previous");
  ImGui::SameLine();
  ImGui::BeginDisabled(current + 1 >= total);
  if (ImGui::Button("Next \xE2\x86\x92") || (!typing && current + 1 < total && Pressed(GLFW_KEY_RIGHT)))
    ui.Post(ExamGoTo{current + 1});
  ImGui::EndDisabled();
  ui.Track("exam/next");
  ImGui::SameLine();
  if (ImGui::Button(quiz.Flagged(current) ? "Remove the flag (F)" : "Flag for review (F)") ||
      (!typing && Pressed(GLFW_KEY_F)))
    ui.Post(ExamFlag{});
  ui.Track("exam/flag");
  ImGui::SameLine();
  if (ImGui::Button("Hand in\xE2\x80\xA6")) ImGui::OpenPopup("Hand in the exam###hand-in");
  ui.Track("exam/hand-in");
  if (ImGui::BeginPopupModal("Hand in the exam###hand-in", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    size_t flagged = 0;
    for (size_t i = 0; i < total; ++i)
      flagged += quiz.Flagged(i);
    const size_t unanswered = quiz.Unanswered();
    ImGui::Text("%zu of %zu questions answered.", total - unanswered, total);
    if (unanswered > 0)
      ImGui::TextColored(ui.palette->warning, "%zu not answered: %s count as wrong.", unanswered,
                         unanswered == 1 ? "it" : "they");
    if (flagged > 0) ImGui::Text("%zu flagged for review.", flagged);
    ImGui::TextUnformatted("Once handed in, answers cannot be changed.");
    ImGui::Spacing();
    if (ImGui::Button("Hand in")) {
      ui.Post(ExamHandIn{});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("exam/hand-in/confirm");
    ImGui::SameLine();
    if (ImGui::Button("Keep working")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void DrawFeedback(UiContext& ui, const StudyFeedback& f) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, f.correct ? ui.palette->right : ui.palette->wrong);
  if (f.correct && f.points > 0)
    ImGui::Text("%s  Right  +%d", kRightMark, f.points);
  else if (f.correct)
    ImGui::Text("%s  Right", kRightMark);
  else if (f.credit > 0)
    ImGui::Text("%s  Partly right: %.0f%% of the pairs in order", kWrongMark, f.credit * 100);
  else
    ImGui::Text("%s  Not quite", kWrongMark);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ui.Track("study/verdict");
  // One block: the right answer only where the explanation does not already give it, and
  // never for an ordering, whose explanation is the order with its dates.
  const bool explained = !f.explanation.empty() && Fold(f.explanation).find(Fold(f.rightAnswer)) != std::string::npos;
  const bool ordering = ui.state.study->session->Current() != nullptr &&
                        ui.state.study->session->Current()->kind == QuestionKind::Ordering;
  if (!f.correct && !explained && !ordering) ImGui::TextWrapped("Answer: %s", f.rightAnswer.c_str());
  if (!f.explanation.empty()) ImGui::TextWrapped("%s", f.explanation.c_str());
  if (!f.source.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("Source: %s", f.source.c_str());
    ImGui::PopStyleColor();
  }
  if (!f.saveError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::TextWrapped("Not saved: %s", f.saveError.c_str());
    ImGui::PopStyleColor();
  }
  // A right answer that could have been a guess: the learner may say so (rated Hard).
  const StudySession* study = ui.state.study->study;
  if (f.saidGuessed || f.addedToSession > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    const std::string comesBack = f.addedToSession > 0 ? "this card comes back later in the session (+" +
                                                             std::to_string(f.addedToSession) +
                                                             (f.addedToSession == 1 ? " question)." : " questions).")
                                                       : "this card comes back sooner than it would have.";
    ImGui::TextWrapped("%s", f.saidGuessed ? ("Counted as a guess: " + comesBack).c_str()
                                           : ("T" + comesBack.substr(1)).c_str());
    ImGui::PopStyleColor();
    ui.Track(f.saidGuessed ? "study/guessed" : "study/added");
  }
  ImGui::Spacing();
  if (ImGui::Button("Continue (Space)", ImVec2(12 * ui.Em(), 2.2f * ui.Em())) || ContinueKey()) ui.Post(StudyNext{});
  ui.Track("study/continue");
  if (study != nullptr && study->CanSayGuessed()) {
    ImGui::SameLine();
    if (ImGui::Button("I guessed (G)", ImVec2(0, 2.2f * ui.Em())) || Pressed(GLFW_KEY_G)) ui.Post(StudySayGuessed{});
    ui.Track("study/guessed-button");
  }
}

// The end of a study session: what was done, and what more there is to study today.
void DrawStudySummary(UiContext& ui, const StudySession& session) {
  const StudySummary& s = session.Summary();
  Heading(ui, session.Total() == 0 ? "Nothing to study now" : "Done for now");
  ui.Track("study/summary");
  if (session.Total() == 0) {
    ImGui::TextWrapped("No cards of this deck are due, and today's new cards are used up.");
  } else {
    auto count = [](int n, const char* one, const char* many) {
      return CountText(static_cast<size_t>(n)) + " " + (n == 1 ? one : many);
    };
    ImGui::TextWrapped("%s, %s right (%.0f%%); %s.", count(s.answered, "answer", "answers").c_str(),
                       CountText(static_cast<size_t>(s.correct)).c_str(),
                       s.answered ? 100.0 * s.correct / s.answered : 0.0,
                       count(s.newCards, "new card", "new cards").c_str());
    if (s.askedAgain > 0)
      ImGui::TextWrapped("%s came back later in the session for a learning step.",
                         count(s.askedAgain, "card", "cards").c_str());
  }
  // Study more: new cards beyond today's limit, or reviews that fall due by tomorrow.
  size_t deck = ui.state.decks.size();
  for (size_t i = 0; i < ui.state.decks.size(); ++i)
    if (ui.state.decks[i].id == ui.state.study->deck->id) deck = i;
  if (deck == ui.state.decks.size()) return;
  ImGui::Spacing();
  if (session.NewLeft() > 0) {
    const int more = static_cast<int>(std::min<size_t>(10, session.NewLeft()));
    if (ImGui::Button(("Study " + std::to_string(more) + " more new cards").c_str()))
      ui.Post(StartStudy{deck, more, false});
    ui.Track("study/more-new");
    ImGui::SameLine();
  }
  if (session.DueTomorrow() > 0) {
    if (ImGui::Button(("Review ahead: " + CountText(session.DueTomorrow()) + " due by tomorrow").c_str()))
      ui.Post(StartStudy{deck, 0, true});
    ui.Track("study/ahead");
  }
  if (session.NewLeft() == 0 && session.DueTomorrow() == 0)
    ImGui::TextWrapped("Every card of this deck has been studied, and none falls due before tomorrow.");
}

void DrawQuizSummary(UiContext& ui, const QuizSession& quiz) {
  const bool exam = quiz.Mode() == QuizMode::Exam;
  Heading(ui, exam ? "Exam report" : "Practice over");
  ui.Track("study/summary");
  if (quiz.Total() == 0) {
    ImGui::TextWrapped("This deck has no questions of the kinds and tags chosen.");
    return;
  }
  ImGui::Text("%d of %zu right", quiz.Right(), quiz.Answers().size());
  if (const std::string missed = quiz.NotAnsweredText(); !missed.empty()) {
    ImGui::TextColored(ui.palette->warning, "%s", missed.c_str());
    ui.Track("study/not-answered");
  }
  if (!exam) {
    ImGui::PushFont(ui.fonts.bold);
    ImGui::Text("Score: %d", quiz.Score());
    ImGui::PopFont();
    ui.Track("study/score");
    if (quiz.NewBest())
      ImGui::TextColored(ui.palette->right, "New personal best!");
    else if (quiz.PreviousBest())
      ImGui::Text("Personal best: %d", *quiz.PreviousBest());
  } else {
    ImGui::Spacing();
    ImGui::TextUnformatted("By tag, weakest first:");
    if (ImGui::BeginTable("by-tag", 3,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX |
                              ImGuiTableFlags_RowBg)) {
      ImGui::TableSetupColumn("Tag");
      ImGui::TableSetupColumn("Right");
      ImGui::TableSetupColumn("Share");
      ImGui::TableHeadersRow();
      for (const TagResult& r : quiz.ByTag()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.tag.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d / %d", r.right, r.total);
        ImGui::TableNextColumn();
        ImGui::Text("%d%%", r.total ? 100 * r.right / r.total : 0);
      }
      ImGui::EndTable();
    }
    ui.Track("study/by-tag");
    if (ImGui::Button("Save report as HTML")) ui.Post(ExportQuizReport{true});
    ui.Track("study/export-html");
    ImGui::SameLine();
    if (ImGui::Button("Save answers as CSV")) ui.Post(ExportQuizReport{false});
    ui.Track("study/export-csv");
  }
  // Every mistake, with the right answer and why.
  ImGui::Spacing();
  int shown = 0;
  for (const QuizAnswer& a : quiz.Answers()) {
    if (a.judgement.correct || (exam && a.timedOut)) continue; // not answered is no mistake
    if (shown++ == 0) {
      ImGui::PushFont(ui.fonts.bold);
      ImGui::TextUnformatted("Mistakes");
      ImGui::PopFont();
    }
    ImGui::Bullet();
    ImGui::TextWrapped("%s", a.question.prompt.c_str());
    ImGui::Indent();
    ImGui::TextColored(ui.palette->wrong, "%s  %s", kWrongMark, quiz.Given(a).c_str());
    ImGui::TextColored(ui.palette->right, "%s  %s", kRightMark, a.judgement.rightAnswer.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("%s", a.question.explanation.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent();
  }
  if (shown > 0) ui.Track("study/mistakes");
  // An exam's questions never answered, with their answers.
  if (exam && quiz.Unanswered() > 0) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted("Not answered");
    ImGui::PopFont();
    for (const QuizAnswer& a : quiz.Answers()) {
      if (!a.timedOut) continue;
      ImGui::Bullet();
      ImGui::TextWrapped("%s", a.question.prompt.c_str());
      ImGui::Indent();
      ImGui::TextColored(ui.palette->right, "%s  %s", kRightMark, a.judgement.rightAnswer.c_str());
      ImGui::Unindent();
    }
    ui.Track("study/not-answered-list");
  }
  // What the learner reported, for the deck's author (also in the saved report).
  if (!quiz.Reported().empty()) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted("You reported");
    ImGui::PopFont();
    for (const QuizAnswer& a : quiz.Answers()) {
      auto reported = quiz.Reported().find(a.question.key);
      if (reported == quiz.Reported().end()) continue;
      ImGui::Bullet();
      ImGui::TextWrapped("%s", a.question.prompt.c_str());
      ImGui::Indent();
      ImGui::TextColored(ui.palette->warning, "%s", reported->second.c_str());
      ImGui::Unindent();
    }
    ui.Track("study/reported");
  }
}

// "Edit": the deck's author (or a teacher trying the deck) mends the question shown in the
// editor, on the item it was made from. It leaves the session (answers are kept as given).
// Not while an exam runs.
void DrawEditButton(UiContext& ui, const Question& q) {
  const StudyState& study = *ui.state.study;
  if (study.quiz && study.quiz->Mode() == QuizMode::Exam) return;
  const std::string item = !q.card.empty() ? q.card : q.items.empty() ? std::string() : q.items[0];
  for (size_t i = 0; i < ui.state.decks.size(); ++i) {
    const DeckEntry& entry = ui.state.decks[i];
    if (entry.id != study.deck->id || entry.path.string() != study.deck->file) continue;
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    if (ImGui::SmallButton("Edit")) ui.Post(OpenEditor{i, item});
    ImGui::PopStyleColor();
    ui.Track("study/edit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Mend it in the deck editor (this session ends; answers are kept)");
    return;
  }
}

// "Report a problem": what is wrong with the question shown (wrong, two right answers,
// unclear, a typo) and a note; the key R opens it when no text field has the keyboard.
void DrawReport(UiContext& ui) {
  StudyWidgets& w = ui.widgets.study;
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  const bool open =
      ImGui::SmallButton("Report a problem (R)") ||
      (!ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup) && Pressed(GLFW_KEY_R));
  ImGui::PopStyleColor();
  ui.Track("study/report");
  if (open) ImGui::OpenPopup("Report this question###report");
  ImGui::SetNextWindowSize(ImVec2(30 * ui.Em(), 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Report this question###report")) return;
  ImGui::TextWrapped("What is wrong with it? The deck's author sees it with the question as shown.");
  for (size_t i = 0; i < std::size(kReportReasons); ++i) {
    const std::string label = std::to_string(i + 1) + "  " + ReportReasonLabel(kReportReasons[i]);
    if (ImGui::RadioButton(label.c_str(), w.reportReason == static_cast<int>(i)) ||
        (!ImGui::GetIO().WantTextInput && Pressed(GLFW_KEY_1 + static_cast<int>(i))))
      w.reportReason = static_cast<int>(i);
    ui.Track(std::string("study/report/") + ReportReasonName(kReportReasons[i]));
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##report-note", "what is wrong (optional)", w.reportNote.data(), w.reportNote.size());
  ui.Track("study/report/note");
  const bool send = ImGui::Button("Send report");
  ui.Track("study/report/send");
  if (send || (!ImGui::GetIO().WantTextInput && (Pressed(GLFW_KEY_ENTER) || Pressed(GLFW_KEY_KP_ENTER)))) {
    ui.Post(ReportQuestion{kReportReasons[static_cast<size_t>(w.reportReason)], w.reportNote.data()});
    w.reportNote.fill('\0');
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || Pressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
  ui.Track("study/report/cancel");
  ImGui::EndPopup();
}

} // namespace

void DrawStudyScreen(UiContext& ui) {
  BackButton(ui, "study");
  if (!ui.state.study || !ui.state.study->session) {
    Heading(ui, "Study");
    ImGui::TextWrapped("Choose a deck on the home screen and press Study, Practice or Exam.");
    return;
  }
  const StudyState& study = *ui.state.study;
  const QuestionRun& session = *study.session;
  const srs::TimeMs now = ui.state.clock();
  // A new question: the widgets start afresh (the options in their shown order, nothing typed).
  StudyWidgets& widgets = ui.widgets.study;
  if (widgets.serial != study.shownSerial) {
    widgets = StudyWidgets{};
    widgets.serial = study.shownSerial;
    widgets.focusInput = true;
    if (const Question* q = session.Current())
      for (size_t i = 0; i < q->options.size(); ++i)
        widgets.order.push_back(static_cast<int>(i));
    // An exam question answered before shows that answer, to keep or change.
    if (const ExamDraft* draft = study.quiz ? study.quiz->Draft(session.Position()) : nullptr) {
      if (!draft->order.empty()) widgets.order = draft->order;
      widgets.marked = draft->options;
      std::snprintf(widgets.typed.data(), widgets.typed.size(), "%s", draft->year.c_str());
    }
  }
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::Text("%s  ·  %s", study.quiz ? (study.quiz->Mode() == QuizMode::Exam ? "Exam" : "Practice") : "Study",
              study.deck->title.c_str());
  ImGui::PopStyleColor();
  if (study.quiz && study.quiz->Mode() == QuizMode::Practice && !session.Done()) {
    ImGui::SameLine();
    ImGui::Text("  ·  score %d  ·  streak %d", study.quiz->Score(), study.quiz->Streak());
    ui.Track("study/points");
  }
  // How far along: an exam by the questions answered (they are visited in any order).
  const float total = static_cast<float>(std::max<size_t>(1, session.Total()));
  const size_t done = study.quiz && study.quiz->Mode() == QuizMode::Exam && !session.Done()
                          ? session.Total() - study.quiz->Unanswered()
                          : session.Position();
  ImGui::ProgressBar(static_cast<float>(done) / total, ImVec2(-1, 0.5f * ui.Em()), "");
  ui.Track("study/progress");
  // A timer: the time left, and a frame when it runs out.
  if (study.quiz && !session.Done()) {
    if (auto left = study.quiz->SecondsLeft(now)) {
      ImGui::PushStyleColor(ImGuiCol_Text, *left < 10 ? ui.palette->warning : ui.palette->muted);
      ImGui::Text("%s left: %d:%02d", study.quiz->Mode() == QuizMode::Exam ? "Time" : "This question",
                  static_cast<int>(std::max(0.0, *left)) / 60, static_cast<int>(std::max(0.0, *left)) % 60);
      ImGui::PopStyleColor();
      ui.Track("study/timer");
      ui.Post(StudyTick{});
      ui.needs.WakeAt(ui.now + 0.25);
    }
  }
  ImGui::Spacing();
  // The question, its options and the feedback in a readable column, centred in a wide window.
  const ContentColumn column(ui);

  if (session.Done()) {
    if (study.quiz)
      DrawQuizSummary(ui, *study.quiz);
    else if (study.study)
      DrawStudySummary(ui, *study.study);
    ImGui::Spacing();
    if (ImGui::Button("Back to the decks") || (!study.quiz && ContinueKey())) ui.Post(GoToScreen{Screen::Home});
    ui.Track("study/done");
    return;
  }
  const bool exam = study.quiz && study.quiz->Mode() == QuizMode::Exam;
  if (exam) {
    DrawExamNavigator(ui, *study.quiz);
    ImGui::Spacing();
  }
  // Study counts what is left (a session of known size); a quiz where it stands.
  const size_t left = study.study ? study.study->Left() : 0;
  std::string progress = study.study ? CountText(left) + " left"
                                     : std::to_string(session.Position() + 1) + " / " + std::to_string(session.Total());
  const Question& q = *session.Current();
  const StudyFeedback* feedback = session.Feedback();
  // Grown by the last answer: its feedback said so; once it has moved on (a flashcard graded
  // Again goes on at once) the count says it.
  const bool grew = study.study && !feedback && study.study->LastAdded() > 0;
  if (grew)
    progress += " (+" + std::to_string(study.study->LastAdded()) + ": the previous question is asked again later)";
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  // A card that could be guessed, in its learning steps, is asked without its options.
  const char* how = SelectAll(q) ? "Select all that apply"
                    : q.recallOf ? "From memory this time: think of the answer, then show it"
                                 : QuestionKindLabel(q.kind);
  ImGui::Text("%s  ·  %s", progress.c_str(), how);
  ImGui::PopStyleColor();
  if (q.recallOf) ui.Track("study/from-memory");
  if (study.study) ui.Track("study/left/" + std::to_string(left));
  if (grew) ui.Track("study/last-added");
  DrawReport(ui);
  DrawEditButton(ui, q);
  ImGui::PushFont(ui.fonts.title);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(q.prompt.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ui.Track("study/prompt");
  if (!q.image.empty()) Picture(ui, q.image, ImVec2(ImGui::GetContentRegionAvail().x, 14 * ui.Em()), "study/picture");
  ImGui::Spacing();

  switch (q.kind) {
  case QuestionKind::Ordering: DrawOrdering(ui, q, feedback); break;
  case QuestionKind::TypedYear: DrawTypedYear(ui, feedback); break;
  case QuestionKind::Flashcard: DrawFlashcard(ui, q, feedback); break;
  default: DrawOptions(ui, q, feedback);
  }
  if (feedback != nullptr) DrawFeedback(ui, *feedback);
  if (exam) DrawExamControls(ui, *study.quiz);
}

} // namespace factdeck::ui

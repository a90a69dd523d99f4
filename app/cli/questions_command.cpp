// factdeck questions FILE: prints generated questions with their answers (text or JSON).
// factdeck worksheet FILE -o quiz.html: a printable quiz with the answer key on its own page.
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/base/atomic_file.h"
#include "core/import/deck_file.h"
#include "cli/commands.h"
#include "core/questions/questions.h"
#include "core/questions/worksheet.h"

namespace factdeck::cli {

namespace {

struct QuestionsOptions {
  std::string file, output, title;
  size_t count = 10;
  std::vector<std::string> kinds, tags;
  std::uint64_t seed = 1;
  bool json = false, force = false;
};

// Loads the deck (TOML or CSV) and makes the questions; prints problems, returns nullopt on failure.
std::optional<std::pair<Deck, std::vector<Question>>> MakeQuestions(const QuestionsOptions& o) {
  DeckLoad load = LoadDeckFile(o.file);
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == Severity::Error) std::cerr << d.Format() << '\n';
  if (!load.Ok()) return std::nullopt;
  QuestionRequest request;
  request.count = o.count;
  request.tags = o.tags;
  request.seed = o.seed;
  for (const std::string& name : o.kinds) {
    auto kind = QuestionKindFromName(name);
    if (!kind) {
      std::cerr << "factdeck: error: unknown question kind '" << name << "'; kinds:";
      for (QuestionKind k : AllQuestionKinds())
        std::cerr << ' ' << QuestionKindName(k);
      std::cerr << '\n';
      return std::nullopt;
    }
    request.kinds.push_back(*kind);
  }
  std::vector<Question> questions = QuestionGenerator(load.deck).Generate(request);
  return std::make_pair(std::move(load.deck), std::move(questions));
}

nlohmann::ordered_json ToJson(const Question& q) {
  nlohmann::ordered_json j = {{"kind", QuestionKindName(q.kind)},
                              {"key", q.key},
                              {"prompt", q.prompt},
                              {"options", q.options},
                              {"answer", nullptr},
                              {"explanation", q.explanation},
                              {"source", q.source},
                              {"items", q.items},
                              {"tags", q.tags}};
  if (q.kind == QuestionKind::Ordering)
    j["answer"] = q.order;
  else if (SelectAll(q))
    j["answer"] = q.answers;
  else if (q.answer >= 0)
    j["answer"] = q.answer;
  if (q.seconds > 0) j["seconds"] = q.seconds;
  if (!q.image.empty()) j["image"] = q.image;
  if (!q.optionImages.empty()) {
    j["option_images"] = q.optionImages;
    if (q.picturesOnly) j["pictures_only"] = true;
  }
  if (!q.answerText.empty()) j["answer_text"] = q.answerText;
  if (q.kind == QuestionKind::TypedYear) {
    j["accepted_years"] = nlohmann::ordered_json::array();
    for (const auto& [first, last] : q.acceptedYears)
      j["accepted_years"].push_back({first, last});
  }
  return j;
}

void PrintText(const std::vector<Question>& questions) {
  int n = 0;
  for (const Question& q : questions) {
    std::cout << ++n << ". [" << QuestionKindName(q.kind) << "] " << q.prompt << '\n';
    if (!q.image.empty()) std::cout << "   picture: " << q.image << '\n';
    for (size_t i = 0; i < q.options.size(); ++i) {
      const bool right = IsRightOption(q, static_cast<int>(i));
      std::cout << "   " << static_cast<char>('A' + i) << ") "
                << (i < q.optionImages.size() ? "picture " + q.optionImages[i] + " (" + q.options[i] + ")"
                                              : q.options[i])
                << (right ? "   <- right" : "") << '\n';
    }
    if (q.kind == QuestionKind::Ordering) {
      std::cout << "   order:";
      for (int i : q.order)
        std::cout << ' ' << static_cast<char>('A' + i);
      std::cout << '\n';
    } else if (q.options.empty()) {
      std::cout << "   answer: " << q.answerText
                << (q.kind == QuestionKind::TypedYear && AcceptedYearsText(q) != q.answerText
                        ? " (accepted: " + AcceptedYearsText(q) + ")"
                        : "")
                << '\n';
    }
    if (!q.explanation.empty()) std::cout << "   " << q.explanation << '\n';
    if (!q.source.empty()) std::cout << "   source: " << q.source << '\n';
    std::cout << "   key: " << q.key << "\n\n";
  }
}

void AddCommon(CLI::App* command, QuestionsOptions& o) {
  command->add_option("FILE", o.file, "The deck (.toml facts file, or .csv/.tsv)")->required()->type_name("FILE");
  command->add_option("--count,-n", o.count, "How many questions")->capture_default_str()->check(CLI::Range(1, 100000));
  command->add_option("--kind", o.kinds, "Only these kinds (repeatable)")->type_name("KIND");
  command->add_option("--tag", o.tags, "Only items with one of these tags (repeatable)")->type_name("TAG");
  command->add_option("--seed", o.seed, "The same seed gives the same questions")->capture_default_str();
}

} // namespace

void RegisterQuestionsCommands(CLI::App& app, CommandList& commands) {
  auto questions = std::make_shared<QuestionsOptions>();
  CLI::App* list = app.add_subcommand("questions", "Print generated questions with their answers");
  AddCommon(list, *questions);
  list->add_flag("--json", questions->json, "Print a JSON array");
  commands.push_back({list, [questions] {
                        auto made = MakeQuestions(*questions);
                        if (!made) return 1;
                        if (questions->json) {
                          nlohmann::ordered_json all = nlohmann::ordered_json::array();
                          for (const Question& q : made->second)
                            all.push_back(ToJson(q));
                          std::cout << all.dump(2) << '\n';
                        } else {
                          PrintText(made->second);
                        }
                        if (made->second.size() < questions->count)
                          std::cerr << "factdeck: the deck made " << made->second.size() << " good questions of the "
                                    << questions->count << " asked\n";
                        return 0;
                      }});

  auto sheet = std::make_shared<QuestionsOptions>();
  CLI::App* worksheet =
      app.add_subcommand("worksheet", "Write a printable quiz (HTML) with the answer key on its own page");
  AddCommon(worksheet, *sheet);
  worksheet->add_option("-o,--output", sheet->output, "The HTML file to write")->required()->type_name("FILE.html");
  worksheet->add_option("--title", sheet->title, "Title (default: the deck's)");
  worksheet->add_flag("--force", sheet->force, "Replace the output file when it exists");
  commands.push_back({worksheet, [sheet] {
                        std::error_code ec;
                        if (!sheet->force && std::filesystem::exists(sheet->output, ec)) {
                          std::cerr << "factdeck: error: " << sheet->output
                                    << " already exists; pass --force to replace it\n";
                          return 1;
                        }
                        auto made = MakeQuestions(*sheet);
                        if (!made) return 1;
                        if (made->second.empty()) {
                          std::cerr << "factdeck: error: the deck made no questions\n";
                          return 1;
                        }
                        const std::string title = sheet->title.empty() ? made->first.title : sheet->title;
                        if (std::string error = WriteFileAtomically(sheet->output, WorksheetHtml(title, made->second));
                            !error.empty()) {
                          std::cerr << "factdeck: error: " << error << '\n';
                          return 1;
                        }
                        std::cout << "wrote " << sheet->output << ": " << made->second.size() << " questions\n";
                        return 0;
                      }});
}

} // namespace factdeck::cli

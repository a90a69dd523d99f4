// factdeck import FILE -o DECK.toml: turns a CSV/TSV export, a spreadsheet or an Anki
// package into a facts file (an Anki package's pictures into a folder beside it).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "core/base/atomic_file.h"
#include "cli/commands.h"
#include "core/import/anki.h"
#include "core/import/csv.h"
#include "core/import/spreadsheet.h"
#include "core/deck/deck_writer.h"

namespace factdeck::cli {

namespace {

struct ImportOptions {
  std::string input, output, id, title;
  std::string sheet;   // a workbook's sheet: its number (1 the first) or its name
  std::string reading; // how to read the rows (FormatReading's text), as the app's import preview keeps it
  bool force = false;
  bool strict = false;
  bool dryRun = false;
};

// What the import read, without writing it: the counts, and for a table each column's
// relation, its type and the question it asks.
void PrintInferred(const DeckLoad& load, std::ostream& out) {
  const Deck& deck = load.deck;
  out << "read: " << SummaryText(Summarize(deck)) << '\n';
  if (load.shape) out << "reading: " << FormatReading(load.shape->reading) << '\n';
  if (deck.relations.empty()) return;
  std::map<std::string, size_t> kinds, facts;
  for (const Entity& e : deck.entities)
    ++kinds[e.kind];
  for (const Fact& f : deck.facts)
    ++facts[f.relation];
  const std::string subjectKind = deck.relations.front().subjectKind;
  out << "rows: " << kinds[subjectKind] << " entities of kind '" << subjectKind << "' (the first column)\n";
  for (size_t i = 0; i < deck.relations.size(); ++i) {
    const Relation& r = deck.relations[i];
    out << "column '" << (i < load.relationColumns.size() ? load.relationColumns[i] : r.id) << "' -> relation '" << r.id
        << "': "
        << (r.objectType == ValueType::Entity
                ? "entity of kind '" + r.objectKind + "' (" + std::to_string(kinds[r.objectKind]) + " values)"
                : std::string(ValueTypeName(r.objectType)))
        << (r.unit.empty() ? "" : ", unit '" + r.unit + "'") << ", " << facts[r.id] << " facts\n"
        << "    asks: " << r.question << '\n';
    if (!r.reverse.empty()) out << "    and:  " << r.reverse << '\n';
  }
}

// A folder under the temporary directory, removed with what it holds when done.
struct ScratchFolder {
  std::filesystem::path path;
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "factdeck-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path = pattern;
  }
  ~ScratchFolder() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
};

int RunImport(const ImportOptions& options) {
  std::error_code ec;
  if (!options.dryRun && !options.force && std::filesystem::exists(options.output, ec)) {
    std::cerr << "factdeck: error: " << options.output << " already exists; pass --force to replace it\n";
    return 1;
  }
  CsvImportOptions csvOptions;
  csvOptions.strict = options.strict;
  if (!options.reading.empty()) {
    const auto reading = ParseReading(options.reading);
    if (!reading) {
      std::cerr << "factdeck: error: --reading \"" << options.reading
                << "\" is not a reading: write the kind (quiz, cards, events, table), the header row (\"header "
                   "1\" or \"no header\") and a role for each column, separated by semicolons, as --dry-run "
                   "prints it\n";
      return 1;
    }
    csvOptions.reading = *reading;
  }
  DeckLoad load;
  std::optional<ScratchFolder> scratch; // a dry run's pictures, removed after
  if (IsAnkiPackageFile(options.input)) {
    // The pictures go beside the facts file, in "<its name>-media/" (a dry run's into a
    // folder removed afterwards).
    const std::filesystem::path output(options.output.empty() ? "deck.toml" : options.output);
    const std::string folder = output.stem().string() + "-media";
    std::filesystem::path media = output.parent_path() / folder;
    if (options.dryRun) {
      scratch.emplace();
      media = scratch->path / folder;
    }
    AnkiImport read = ReadAnkiPackage(options.input, media, folder + "/");
    for (const std::string& line : DescribeAnkiReport(read.report))
      if (line.rfind("made", 0) == 0) std::cout << line << '\n';
    if (options.strict && read.report.LeftOut(AnkiReport::Unit::Note) + read.report.LeftOut(AnkiReport::Unit::Card) > 0)
      for (Diagnostic& d : read.load.diagnostics)
        if (d.message.rfind("left out", 0) == 0) d.severity = Severity::Error;
    load = std::move(read.load);
  } else if (IsSpreadsheetFile(options.input)) {
    size_t sheet = 0;
    if (!options.sheet.empty()) {
      const std::vector<std::string> names = ReadSpreadsheet(options.input).sheetNames;
      const bool number = options.sheet.find_first_not_of("0123456789") == std::string::npos;
      auto named = std::find(names.begin(), names.end(), options.sheet);
      if (number && std::stoul(options.sheet.substr(0, 9)) >= 1 &&
          std::stoul(options.sheet.substr(0, 9)) <= names.size())
        sheet = std::stoul(options.sheet) - 1;
      else if (named != names.end())
        sheet = static_cast<size_t>(named - names.begin());
      else {
        std::string list;
        for (const std::string& n : names)
          list += (list.empty() ? "" : ", ") + ("\"" + n + "\"");
        std::cerr << "factdeck: error: " << options.input << " has no sheet " << options.sheet
                  << " (its sheets: " << list << ")\n";
        return 1;
      }
    }
    load = ImportSpreadsheet(options.input, csvOptions, sheet);
  } else {
    std::string text;
    if (std::string error = ReadWholeFile(options.input, text); !error.empty()) {
      std::cerr << "factdeck: error: " << error << '\n';
      return 1;
    }
    load = ImportCsv(text, options.input, csvOptions);
  }
  for (const Diagnostic& d : load.diagnostics)
    std::cerr << d.Format() << '\n';
  if (!load.Ok()) {
    std::cerr << "factdeck: nothing written: " << CountErrors(load.diagnostics) << " errors in " << options.input
              << '\n';
    return 1;
  }
  if (!options.id.empty()) load.deck.id = options.id;
  if (!options.title.empty()) load.deck.title = options.title;
  if (options.dryRun) {
    PrintInferred(load, std::cout);
    std::cout << "nothing written (--dry-run)\n";
    return 0;
  }

  std::string toml = FormatDeckToml(load.deck);
  // What is written must read back as the same deck.
  DeckLoad check = ParseDeck(toml, options.output);
  if (!check.Ok() || check.deck.cards.size() != load.deck.cards.size() ||
      check.deck.events.size() != load.deck.events.size() || check.deck.choices.size() != load.deck.choices.size()) {
    for (const Diagnostic& d : check.diagnostics)
      std::cerr << d.Format() << '\n';
    std::cerr << "factdeck: internal error: the converted deck does not read back; nothing written\n";
    return 1;
  }
  if (std::string error = WriteFileAtomically(options.output, toml); !error.empty()) {
    std::cerr << "factdeck: error: " << error << '\n';
    return 1;
  }
  std::cout << "wrote " << options.output << ": " << SummaryText(Summarize(load.deck));
  if (load.skippedRows > 0)
    std::cout << "; skipped " << load.skippedRows << (load.skippedRows == 1 ? " row" : " rows")
              << " (listed above; --strict refuses the file instead)";
  std::cout << '\n';
  return 0;
}

} // namespace

void RegisterImportCommand(CLI::App& app, CommandList& commands) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import",
      "Convert a CSV or TSV file, a spreadsheet (.xlsx, .ods) (front,back[,tags]; date,event[,tags]; a table; or a "
      "quiz spreadsheet) or an Anki package (.apkg, .colpkg; pictures into DECK-media/) into a facts file");
  command->add_option("FILE", options->input, "The CSV/TSV file, spreadsheet or Anki package")
      ->required()
      ->type_name("FILE");
  auto* output = command->add_option("-o,--output", options->output, "The facts file to write")->type_name("DECK.toml");
  command->add_option("--id", options->id, "Deck id (default: from the file name)");
  command->add_option("--sheet", options->sheet, "A workbook's sheet to read: its number (1 the first) or its name")
      ->type_name("N|NAME");
  command->add_option("--title", options->title, "Deck title (default: from the file name)");
  command
      ->add_option("--reading", options->reading,
                   "How to read a file of rows, as --dry-run prints it: \"quiz; header 1; question, option, "
                   "option, correct\" (kinds quiz, cards, events, table; \"no header\"; a role per column)")
      ->type_name("TEXT");
  command->add_flag("--force", options->force, "Replace the output file when it exists");
  command->add_flag(
      "--strict", options->strict,
      "Refuse the whole file when any row (or Anki note) cannot be read (by default such rows are skipped "
      "and listed)");
  command->add_flag("--dry-run", options->dryRun,
                    "Show what the file would become (for a table: each column's relation, type and question) "
                    "and write nothing");
  command->callback([options, output] {
    if (!options->dryRun && output->count() == 0) throw CLI::RequiredError("--output");
  });
  commands.push_back({command, [options] { return RunImport(*options); }});
}

} // namespace factdeck::cli

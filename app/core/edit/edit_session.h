// Editing a deck file: its document (the text with every item's place in it), the deck as
// last read from that text with what `factdeck check` says about it, the undo history of
// this session, and saving back to the file without ever overwriting a change made there
// by another program unasked. See docs/architecture.md ("The deck editor").
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/deck/deck.h"
#include "core/edit/deck_document.h"
#include "core/import/deck_file.h"
#include "core/questions/questions.h"

namespace factdeck::edit {

struct FieldMessage {
  enum class Level : std::uint8_t { Info, Warning, Error } level = Level::Error;
  std::string key; // the field it concerns; empty: the item as a whole
  std::string text;
};

enum class DiskState : std::uint8_t { Same, Changed, Missing };

struct SaveOutcome {
  bool saved = false;
  bool changedOnDisk = false; // not saved: another program changed the file since it was read
  std::string message;        // what happened, for people
};

// Facts files above this size are checked again on a thread after an edit; smaller ones, and
// files of rows (whose ids follow their words), at once.
inline constexpr size_t kCheckInBackgroundBytes = 1u << 20;

class EditSession {
public:
  // Opens a facts file, or a CSV or TSV file read as `reading`; null with `error` set when it
  // cannot be read or is not a kind the editor writes (a spreadsheet, an Anki package).
  static std::unique_ptr<EditSession> Open(const std::filesystem::path& path, const FileReading& reading,
                                           std::string& error);
  ~EditSession();
  EditSession(const EditSession&) = delete;
  EditSession& operator=(const EditSession&) = delete;

  const std::filesystem::path& Path() const { return m_path; }
  bool Rows() const { return m_doc->Rows(); }
  const std::string& Text() const { return m_doc->Text(); }
  const Deck& CurrentDeck() const { return *m_deck; }
  const Diagnostics& Checked() const { return m_diagnostics; }
  size_t Errors() const;
  size_t Warnings() const;
  bool Checking() const { return m_pending.valid(); }

  const std::vector<EditItem>& Items() const { return m_items; }
  std::vector<FieldInfo> Fields(size_t item) const;
  std::string Field(size_t item, std::string_view key) const;
  std::ptrdiff_t Find(ItemKind kind, const std::string& id) const;
  std::ptrdiff_t FindId(const std::string& id) const; // any kind but the deck's settings
  std::vector<ItemKind> Addable() const { return m_doc->Addable(); }

  // Each edit returns "" when done, else why not (nothing changed then). The item's index
  // may change (an item added or taken out before it): Find it again by id.
  std::string Set(size_t item, const std::string& key, const std::string& text);
  std::string Add(ItemKind kind, size_t& added);
  std::string Duplicate(size_t item, size_t& added);
  std::string Remove(size_t item);
  // "This is a new question": a new id, without renamed_from, so its progress starts afresh.
  std::string StartAfresh(size_t item);

  bool CanUndo() const { return m_top > 0; }
  bool CanRedo() const { return m_top < m_history.size(); }
  std::string UndoLabel() const; // "Undo: change the card's front"
  std::string RedoLabel() const;
  // Undoes the last edit; `item` (when given) is the index of the item it touched, or -1.
  bool Undo(std::ptrdiff_t* item = nullptr);
  bool Redo(std::ptrdiff_t* item = nullptr);
  bool Dirty() const { return m_top != m_saved; }
  size_t UnsavedEdits() const;

  // Compares the file with the text last read or written (its size and time first).
  DiskState CheckDisk() const;
  // Writes the text (atomically: a failed write leaves the file and the edits as they were).
  // A file changed by another program meanwhile is not overwritten unless `overwrite`.
  SaveOutcome Save(bool overwrite = false);
  // The file as it is now; this session's edits are dropped.
  std::string Reload();
  // The file as it is now, with this session's unsaved edits made again on it; returns the
  // edits that could not be made (their item is gone), in words.
  std::vector<std::string> Merge();
  // A file of rows written as a facts file beside it (for what its columns cannot hold); the
  // session goes on with that file. "" when done, else why not.
  std::string SaveAsFactsFile();
  // Renames (old id, new id) of items whose id follows their words (a CSV row without an id
  // column) made by the edits saved since the last call, for the progress store.
  std::vector<std::pair<std::string, std::string>> TakeRenames();

  // What `check` says about the item, each at its field where it names one.
  std::vector<FieldMessage> Messages(size_t item) const;
  // The item's fields as being typed (key -> text), checked at once: a date's reading, an
  // unknown reference, a written question's problems, a required field left empty.
  std::vector<FieldMessage> CheckFields(size_t item, const std::map<std::string, std::string>& fields) const;
  // What the check says that lies in no item (a syntax error between tables, no [deck]).
  std::vector<std::string> LooseMessages() const;
  // Why the item makes no question (a fact with too few plausible wrong options), or "".
  std::string WhyNoQuestion(size_t item) const;
  // Questions a student could be asked on the item, as the generator makes them now.
  std::vector<Question> Preview(size_t item, size_t most = 3) const;

  // A check running on a thread: Poll takes its result when it is ready (true then).
  bool Poll();
  void WaitForCheck();

private:
  struct Op {
    enum class Type : std::uint8_t { Set, Add, Duplicate, Remove, Afresh } type = Type::Set;
    ItemKind kind = ItemKind::Card;
    std::string id, key, text, newId;
    std::ptrdiff_t place = -1; // the item's place in the document when edited (a row's record)
  };
  struct Step {
    std::vector<TextEdit> edits; // as applied, in order
    Op op;
    std::string label;
    std::vector<std::pair<std::string, std::string>> renames;
  };
  EditSession() = default;
  std::string Do(std::vector<TextEdit> edits, Op op, std::string label,
                 std::vector<std::pair<std::string, std::string>> renames = {});
  std::vector<TextEdit> PinSiblings(const EditItem& fact) const;
  std::vector<TextEdit> ReferenceEdits(const EditItem& renamed, const std::string& newId) const;
  std::string Replay(const Op& op);
  void Check();
  void Adopt(DeckLoad load);
  void ListItems();
  std::string NewId(ItemKind kind) const;
  void RememberDisk();

  std::filesystem::path m_path;
  FileReading m_reading;
  std::optional<TableShape> m_shape;
  std::unique_ptr<DeckDocument> m_doc;
  std::shared_ptr<const Deck> m_deck;
  Diagnostics m_diagnostics;
  std::unique_ptr<QuestionGenerator> m_generator;
  std::vector<EditItem> m_items;
  std::vector<Step> m_history;
  size_t m_top = 0;     // steps done (the rest can be redone)
  size_t m_saved = 0;   // m_top when last saved or read; -1 when no longer reachable
  std::string m_onDisk; // the file's text as last read or written
  std::filesystem::file_time_type m_diskTime{};
  std::uintmax_t m_diskSize = 0;
  std::vector<std::pair<std::string, std::string>> m_renames;        // saved, not yet taken
  std::vector<std::pair<std::string, std::string>> m_unsavedRenames; // made (and undone) since the last save
  std::future<DeckLoad> m_pending;                                   // the check of the text as it is
  std::vector<std::future<DeckLoad>> m_stale; // checks of texts edited since, ending on their own
  std::uint64_t m_generation = 0;
};

// A new facts file's text: its [deck] table with `title` and an id made from it.
std::string NewDeckText(const std::string& title);

} // namespace factdeck::edit

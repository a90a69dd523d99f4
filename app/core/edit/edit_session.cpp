#include "core/edit/edit_session.h"

#include <algorithm>
#include <system_error>

#include "core/base/atomic_file.h"
#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/base/threads.h"
#include "core/deck/deck_writer.h"
#include "core/edit/toml_document.h"
#include "core/import/csv.h"

namespace factdeck::edit {

namespace {

std::string LowerLabel(ItemKind kind) {
  std::string label = ItemKindLabel(kind);
  for (char& c : label)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return label;
}

FieldMessage Message(FieldMessage::Level level, std::string key, std::string text) {
  return FieldMessage{level, std::move(key), std::move(text)};
}

} // namespace

EditSession::~EditSession() {
  if (m_pending.valid()) m_pending.wait();
  for (auto& stale : m_stale)
    stale.wait();
}

std::unique_ptr<EditSession> EditSession::Open(const std::filesystem::path& path, const FileReading& reading,
                                               std::string& error) {
  const std::string name = path.string();
  const bool rows = IsDelimitedFile(name);
  if (!rows && LowerExtension(name) != ".toml") {
    error = path.filename().string() + " is read by FactDeck but not written: edit it as a facts file (a copy)";
    return nullptr;
  }
  std::string text;
  if (std::string why = ReadWholeFile(path, text); !why.empty()) {
    error = why;
    return nullptr;
  }
  if (text.size() > kMaxDeckFileBytes) {
    error = path.filename().string() + " is larger than a deck file may be";
    return nullptr;
  }
  std::unique_ptr<EditSession> session(new EditSession());
  session->m_path = path;
  session->m_reading = reading;
  session->m_onDisk = text;
  session->RememberDisk();
  if (rows) {
    CsvImportOptions options;
    options.reading = reading.table;
    DeckLoad load = ImportCsv(text, name, options);
    if (!load.shape) {
      error = path.filename().string() + ": its rows could not be read";
      return nullptr;
    }
    session->m_shape = load.shape;
    session->m_doc = MakeRowsDocument(std::move(text), name, *load.shape, load.deck);
    session->Adopt(std::move(load));
  } else {
    session->m_doc = MakeTomlDocument(std::move(text));
    session->Adopt(ParseDeck(session->m_doc->Text(), name));
  }
  return session;
}

void EditSession::RememberDisk() {
  std::error_code ec;
  m_diskTime = std::filesystem::last_write_time(m_path, ec);
  m_diskSize = std::filesystem::file_size(m_path, ec);
  if (ec) m_diskSize = 0;
}

void EditSession::Adopt(DeckLoad load) {
  m_deck = std::make_shared<const Deck>(std::move(load.deck));
  m_diagnostics = std::move(load.diagnostics);
  m_generator = std::make_unique<QuestionGenerator>(*m_deck);
  ListItems();
}

void EditSession::ListItems() {
  // While a check runs, ids are not looked up by line in the deck read before the edit.
  static const Deck none;
  m_items = m_doc->Items(m_pending.valid() ? none : *m_deck);
}

void EditSession::Check() {
  // An older text's check is not wanted: it ends on its own (no edit waits for it).
  if (m_pending.valid()) m_stale.push_back(std::move(m_pending));
  m_stale.erase(std::remove_if(m_stale.begin(), m_stale.end(),
                               [](const std::future<DeckLoad>& f) {
                                 return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
                               }),
                m_stale.end());
  m_pending = {};
  const std::string name = m_path.string();
  auto read = [rows = m_doc->Rows(), reading = m_reading, name](std::string text) {
    if (!rows) return ParseDeck(text, name);
    CsvImportOptions options;
    options.reading = reading.table;
    return ImportCsv(text, name, options);
  };
  ++m_generation;
  // A file of rows makes its ids from its words: they are needed at once (progress follows a change).
  if (m_doc->Text().size() < kCheckInBackgroundBytes || m_doc->Rows()) {
    Adopt(read(m_doc->Text()));
    return;
  }
  m_pending = std::async(std::launch::async, [read, text = m_doc->Text()]() {
    NameThisThread("fd-deck-check");
    return read(text);
  });
  ListItems();
}

bool EditSession::Poll() {
  if (!m_pending.valid() || m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  DeckLoad load = m_pending.get();
  Adopt(std::move(load));
  return true;
}

void EditSession::WaitForCheck() {
  if (!m_pending.valid()) return;
  m_pending.wait();
  Poll();
}

size_t EditSession::Errors() const { return CountErrors(m_diagnostics); }
size_t EditSession::Warnings() const { return m_diagnostics.size() - CountErrors(m_diagnostics); }

std::vector<FieldInfo> EditSession::Fields(size_t item) const {
  return item < m_items.size() ? m_doc->Fields(m_items[item]) : std::vector<FieldInfo>{};
}

std::string EditSession::Field(size_t item, std::string_view key) const {
  return item < m_items.size() ? m_doc->Field(m_items[item], key) : std::string();
}

std::ptrdiff_t EditSession::Find(ItemKind kind, const std::string& id) const {
  for (size_t i = 0; i < m_items.size(); ++i)
    if (m_items[i].kind == kind && (kind == ItemKind::Deck || m_items[i].id == id))
      return static_cast<std::ptrdiff_t>(i);
  return -1;
}

std::ptrdiff_t EditSession::FindId(const std::string& id) const {
  for (size_t i = 0; i < m_items.size(); ++i)
    if (m_items[i].kind != ItemKind::Deck && m_items[i].id == id) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

std::string EditSession::Do(std::vector<TextEdit> edits, Op op, std::string label,
                            std::vector<std::pair<std::string, std::string>> renames) {
  if (edits.empty()) return {};
  Step step;
  if (!ApplyAll(*m_doc, std::move(edits), &step.edits)) return "the file's text is not where it was (read it again)";
  step.op = std::move(op);
  step.label = std::move(label);
  step.renames = std::move(renames);
  m_history.resize(m_top);
  if (m_saved > m_top) m_saved = static_cast<size_t>(-1); // the saved text can no longer be reached
  const std::string before = step.op.id;
  const std::ptrdiff_t place = step.op.place;
  m_history.push_back(std::move(step));
  ++m_top;
  Check();
  // A row whose id is made from its words gets another id when they change: progress follows.
  Step& done = m_history.back();
  if (m_doc->Rows() && done.op.type == Op::Type::Set && !before.empty())
    for (const EditItem& item : m_items)
      if (static_cast<std::ptrdiff_t>(item.place) == place && item.kind == done.op.kind && item.id != before &&
          !item.id.empty() && FindId(before) < 0)
        done.renames.emplace_back(before, item.id);
  for (const auto& r : done.renames)
    m_unsavedRenames.push_back(r);
  return {};
}

std::vector<TextEdit> EditSession::PinSiblings(const EditItem& fact) const {
  // A fact without an id is known by subject.relation, or subject.relation.object beside
  // another of the same subject and relation: those beside it keep theirs written down.
  std::vector<TextEdit> edits;
  if (fact.kind != ItemKind::Fact || m_doc->Rows()) return edits;
  const std::string subject = m_doc->Field(fact, "subject"), relation = m_doc->Field(fact, "relation");
  for (const EditItem& other : m_items) {
    if (other.kind != ItemKind::Fact || other.explicitId || other.place == fact.place || other.id.empty()) continue;
    if (m_doc->Field(other, "subject") != subject || m_doc->Field(other, "relation") != relation) continue;
    std::string why;
    for (TextEdit& e : m_doc->SetField(other, "id", other.id, *m_deck, why))
      edits.push_back(std::move(e));
  }
  return edits;
}

std::vector<TextEdit> EditSession::ReferenceEdits(const EditItem& renamed, const std::string& newId) const {
  // Every item that names the renamed one names it by its new id (the rename is not an error).
  std::vector<TextEdit> edits;
  if (m_doc->Rows() || renamed.id.empty()) return edits;
  std::vector<std::string> keys;
  if (renamed.kind == ItemKind::Entity || renamed.kind == ItemKind::Event) keys = {"subject", "object", "place"};
  if (renamed.kind == ItemKind::Relation) keys = {"relation"};
  if (renamed.kind == ItemKind::Source) keys = {"source", "according_to"};
  for (const EditItem& other : m_items) {
    if (other.place == renamed.place) continue;
    bool first = true;
    for (const std::string& key : keys) {
      if (m_doc->Field(other, key) != renamed.id) continue;
      if (key == "object") { // only where the answer is an entity, not a word that happens to match
        const Relation* r = m_deck->FindRelation(m_doc->Field(other, "relation"));
        if (!r || r->objectType != ValueType::Entity) continue;
      }
      // The first change of a table may write its fact's id down; the others must not again.
      EditItem target = other;
      if (!first) target.explicitId = true;
      first = false;
      std::string why;
      for (TextEdit& e : m_doc->SetField(target, key, newId, *m_deck, why))
        edits.push_back(std::move(e));
    }
  }
  return edits;
}

std::string EditSession::Set(size_t item, const std::string& key, const std::string& text) {
  if (item >= m_items.size()) return "no such item";
  const EditItem& it = m_items[item];
  std::string why;
  std::vector<TextEdit> edits = m_doc->SetField(it, key, text, *m_deck, why);
  if (!why.empty()) return why;
  std::vector<std::pair<std::string, std::string>> renames;
  if (key == "id" && it.kind != ItemKind::Deck && !edits.empty()) {
    const std::vector<std::string> id = FieldEntries(text);
    if (id.empty()) return "an id cannot be empty";
    if (id[0] != it.id && FindId(id[0]) >= 0) return "another item has the id \"" + id[0] + "\"";
    for (TextEdit& e : ReferenceEdits(it, id[0]))
      edits.push_back(std::move(e));
    for (TextEdit& e : PinSiblings(it))
      edits.push_back(std::move(e));
    // Cards and written questions keep no renamed_from: the store is told when saved.
    if ((it.kind == ItemKind::Card || it.kind == ItemKind::Choice) && !it.id.empty())
      renames.emplace_back(it.id, id[0]);
  }
  std::string label = "change the " + LowerLabel(it.kind) + "'s ";
  for (const FieldInfo& f : m_doc->Fields(it))
    if (f.key == key) label += f.label;
  return Do(std::move(edits), Op{Op::Type::Set, it.kind, it.id, key, text, {}, static_cast<std::ptrdiff_t>(it.place)},
            label, std::move(renames));
}

std::string EditSession::NewId(ItemKind kind) const {
  const std::string base = kind == ItemKind::Choice ? "question" : ItemKindName(kind);
  size_t n = 1;
  for (const EditItem& item : m_items)
    n += item.kind == kind;
  std::string id = base + "-" + std::to_string(n);
  while (FindId(id) >= 0 || m_deck->FindEntity(id) || m_deck->FindEvent(id) || m_deck->FindRelation(id) ||
         m_deck->FindSource(id))
    id = base + "-" + std::to_string(++n);
  return id;
}

std::string EditSession::Add(ItemKind kind, size_t& added) {
  const std::string id = NewId(kind);
  std::string why;
  std::vector<TextEdit> edits = m_doc->AddItem(kind, id, m_items, why);
  if (!why.empty()) return why;
  const size_t before = m_items.size();
  if (std::string failed = Do(std::move(edits), Op{Op::Type::Add, kind, {}, {}, {}, id}, "add a " + LowerLabel(kind));
      !failed.empty())
    return failed;
  std::ptrdiff_t at = m_doc->Rows() ? -1 : Find(kind, id);
  if (at < 0 && m_items.size() > before) { // a new row: the last of its kind
    for (size_t i = m_items.size(); i-- > 0;)
      if (m_items[i].kind == kind) {
        at = static_cast<std::ptrdiff_t>(i);
        break;
      }
  }
  added = at < 0 ? 0 : static_cast<size_t>(at);
  return {};
}

std::string EditSession::Duplicate(size_t item, size_t& added) {
  if (item >= m_items.size()) return "no such item";
  const EditItem it = m_items[item];
  const std::string id = NewId(it.kind);
  std::string why;
  std::vector<TextEdit> edits = m_doc->DuplicateItem(it, id, m_items, why);
  if (!why.empty()) return why;
  if (std::string failed = Do(std::move(edits), Op{Op::Type::Duplicate, it.kind, it.id, {}, {}, id},
                              "duplicate the " + LowerLabel(it.kind));
      !failed.empty())
    return failed;
  std::ptrdiff_t at = m_doc->Rows() ? -1 : Find(it.kind, id);
  if (at < 0) at = static_cast<std::ptrdiff_t>(std::min(item + 1, m_items.size() - 1));
  added = static_cast<size_t>(at);
  return {};
}

std::string EditSession::Remove(size_t item) {
  if (item >= m_items.size()) return "no such item";
  const EditItem it = m_items[item];
  std::string why;
  std::vector<TextEdit> edits = m_doc->RemoveItem(it, m_items, why);
  if (!why.empty()) return why;
  for (TextEdit& e : PinSiblings(it))
    edits.push_back(std::move(e));
  return Do(std::move(edits), Op{Op::Type::Remove, it.kind, it.id, {}, {}, {}}, "delete the " + LowerLabel(it.kind));
}

std::string EditSession::StartAfresh(size_t item) {
  if (item >= m_items.size()) return "no such item";
  const EditItem it = m_items[item];
  if (m_doc->Rows() || it.kind == ItemKind::Deck) return "its id is not written in the file";
  const std::string id = NewId(it.kind);
  std::string why;
  // The id set directly: no renamed_from, so the progress of the old id stays behind.
  std::vector<TextEdit> edits =
      m_doc->SetField(EditItem{it.kind, {}, {}, it.line, it.lastLine, it.place, true}, "id", id, *m_deck, why);
  if (!why.empty()) return why;
  for (TextEdit& e : PinSiblings(it))
    edits.push_back(std::move(e));
  return Do(std::move(edits), Op{Op::Type::Afresh, it.kind, it.id, {}, {}, id},
            "start the " + LowerLabel(it.kind) + " afresh");
}

std::string EditSession::UndoLabel() const { return CanUndo() ? "Undo: " + m_history[m_top - 1].label : ""; }
std::string EditSession::RedoLabel() const { return CanRedo() ? "Redo: " + m_history[m_top].label : ""; }

bool EditSession::Undo(std::ptrdiff_t* item) {
  if (!CanUndo()) return false;
  const Step& step = m_history[m_top - 1];
  std::vector<TextEdit> inverse;
  for (auto it = step.edits.rbegin(); it != step.edits.rend(); ++it)
    if (!m_doc->Apply(it->Inverse())) return false;
  for (auto r = step.renames.rbegin(); r != step.renames.rend(); ++r)
    m_unsavedRenames.emplace_back(r->second, r->first);
  --m_top;
  Check();
  if (item) *item = step.op.type == Op::Type::Add ? -1 : Find(step.op.kind, step.op.id);
  return true;
}

bool EditSession::Redo(std::ptrdiff_t* item) {
  if (!CanRedo()) return false;
  const Step& step = m_history[m_top];
  for (const TextEdit& edit : step.edits)
    if (!m_doc->Apply(edit)) return false;
  for (const auto& r : step.renames)
    m_unsavedRenames.push_back(r);
  ++m_top;
  Check();
  if (item) {
    const std::string& id = step.op.newId.empty() ? step.op.id : step.op.newId;
    *item = step.op.type == Op::Type::Remove ? -1 : Find(step.op.kind, id);
  }
  return true;
}

size_t EditSession::UnsavedEdits() const {
  if (m_saved == static_cast<size_t>(-1)) return m_top;
  return m_top > m_saved ? m_top - m_saved : m_saved - m_top;
}

DiskState EditSession::CheckDisk() const {
  std::error_code ec;
  if (!std::filesystem::exists(m_path, ec)) return DiskState::Missing;
  const auto time = std::filesystem::last_write_time(m_path, ec);
  const auto size = std::filesystem::file_size(m_path, ec);
  if (!ec && time == m_diskTime && size == m_diskSize) return DiskState::Same;
  std::string text;
  if (!ReadWholeFile(m_path, text).empty()) return DiskState::Missing;
  return text == m_onDisk ? DiskState::Same : DiskState::Changed;
}

SaveOutcome EditSession::Save(bool overwrite) {
  SaveOutcome outcome;
  const DiskState disk = CheckDisk();
  if (disk == DiskState::Changed && !overwrite) {
    outcome.changedOnDisk = true;
    outcome.message = m_path.filename().string() + " was changed by another program since it was read: " +
                      "nothing was saved. Read it again, keep both (your edits made on it), or save yours over it.";
    return outcome;
  }
  if (std::string why = WriteFileAtomically(m_path, m_doc->Text()); !why.empty()) {
    outcome.message = "Not saved: " + why + ". Your edits are still here; save again or save elsewhere.";
    return outcome;
  }
  // The renames of the edits saved now (undone ones reversed, in the order made) go to the progress store.
  for (auto& r : m_unsavedRenames)
    m_renames.push_back(std::move(r));
  m_unsavedRenames.clear();
  m_onDisk = m_doc->Text();
  RememberDisk();
  m_saved = m_top;
  outcome.saved = true;
  outcome.message = "Saved " + m_path.filename().string();
  return outcome;
}

std::vector<std::pair<std::string, std::string>> EditSession::TakeRenames() { return std::exchange(m_renames, {}); }

std::string EditSession::Reload() {
  std::string text;
  if (std::string why = ReadWholeFile(m_path, text); !why.empty()) return why;
  m_doc->Reset(text);
  m_onDisk = std::move(text);
  RememberDisk();
  m_history.clear();
  m_unsavedRenames.clear();
  m_top = m_saved = 0;
  Check();
  WaitForCheck();
  return {};
}

std::string EditSession::Replay(const Op& op) {
  const std::ptrdiff_t at = op.type == Op::Type::Add ? 0 : Find(op.kind, op.id);
  if (at < 0) return "the " + LowerLabel(op.kind) + " \"" + op.id + "\" is no longer in the file";
  size_t added = 0;
  switch (op.type) {
  case Op::Type::Set: return Set(static_cast<size_t>(at), op.key, op.text);
  case Op::Type::Add: return Add(op.kind, added);
  case Op::Type::Duplicate: return Duplicate(static_cast<size_t>(at), added);
  case Op::Type::Remove: return Remove(static_cast<size_t>(at));
  case Op::Type::Afresh: return StartAfresh(static_cast<size_t>(at));
  }
  return {};
}

std::vector<std::string> EditSession::Merge() {
  std::vector<Op> mine;
  if (m_saved != static_cast<size_t>(-1) && m_saved <= m_top)
    for (size_t i = m_saved; i < m_top; ++i)
      mine.push_back(m_history[i].op);
  else
    for (size_t i = 0; i < m_top; ++i)
      mine.push_back(m_history[i].op);
  std::vector<std::string> lost;
  if (std::string why = Reload(); !why.empty()) return {why};
  for (const Op& op : mine) {
    WaitForCheck(); // the ids of what was added
    if (std::string why = Replay(op); !why.empty()) lost.push_back(why);
  }
  WaitForCheck();
  return lost;
}

std::string EditSession::SaveAsFactsFile() {
  if (!m_doc->Rows()) return "it is a facts file already";
  WaitForCheck();
  std::filesystem::path target = m_path;
  target.replace_extension(".toml");
  for (int n = 2; std::filesystem::exists(target); ++n)
    target = m_path.parent_path() / (m_path.stem().string() + "-" + std::to_string(n) + ".toml");
  const std::string text = FormatDeckToml(*m_deck);
  if (std::string why = WriteFileAtomically(target, text); !why.empty()) return why;
  for (auto& r : m_unsavedRenames) // the new file holds the edits made: their renames are saved
    m_renames.push_back(std::move(r));
  m_unsavedRenames.clear();
  m_path = target;
  m_reading = {};
  m_shape.reset();
  m_doc = MakeTomlDocument(text);
  m_onDisk = text;
  RememberDisk();
  m_history.clear();
  m_top = m_saved = 0;
  Check();
  WaitForCheck();
  return {};
}

std::vector<FieldMessage> EditSession::Messages(size_t item) const {
  std::vector<FieldMessage> out;
  if (item >= m_items.size() || m_pending.valid()) return out;
  const EditItem& it = m_items[item];
  for (const Diagnostic& d : m_diagnostics) {
    const bool inside = d.pos.line >= it.line && d.pos.line <= std::max(it.line, it.lastLine);
    if (!inside) continue;
    out.push_back(Message(d.severity == Severity::Error ? FieldMessage::Level::Error : FieldMessage::Level::Warning,
                          m_doc->FieldAtLine(it, d.pos.line), d.message));
  }
  return out;
}

std::vector<Question> EditSession::Preview(size_t item, size_t most) const {
  std::vector<Question> out;
  if (item >= m_items.size() || m_pending.valid() || !m_generator) return out;
  // An item the check finds wrong would show questions made from what it could not read.
  for (const FieldMessage& m : Messages(item))
    if (m.level == FieldMessage::Level::Error) return out;
  const EditItem& it = m_items[item];
  std::vector<std::string> ids;
  if (it.kind == ItemKind::Entity) {
    for (const Fact& f : m_deck->facts)
      if (f.subject == it.id && ids.size() < most) ids.push_back(f.id);
  } else if (it.kind == ItemKind::Relation) {
    for (const Fact& f : m_deck->facts)
      if (f.relation == it.id && ids.size() < most) ids.push_back(f.id);
  } else if (it.kind != ItemKind::Deck && it.kind != ItemKind::Source) {
    ids.push_back(it.id);
  }
  std::uint64_t seed = 1;
  for (const std::string& id : ids)
    for (QuestionKind kind : AllQuestionKinds()) {
      if (out.size() >= most) return out;
      if (auto q = m_generator->Make(kind, id, seed++)) out.push_back(std::move(*q));
      if (ids.size() > 1 && !out.empty() && out.back().items.size() && out.back().items[0] == id) break;
    }
  return out;
}

std::vector<std::string> EditSession::LooseMessages() const {
  std::vector<std::string> out;
  if (m_pending.valid()) return out;
  for (const Diagnostic& d : m_diagnostics) {
    const bool inside = std::any_of(m_items.begin(), m_items.end(), [&](const EditItem& it) {
      return d.pos.line >= it.line && d.pos.line <= std::max(it.line, it.lastLine);
    });
    if (!inside) out.push_back(d.Format());
  }
  return out;
}

std::string EditSession::WhyNoQuestion(size_t item) const {
  if (item >= m_items.size() || m_pending.valid() || !m_generator) return {};
  const EditItem& it = m_items[item];
  if (it.kind != ItemKind::Fact && it.kind != ItemKind::Card && it.kind != ItemKind::Choice &&
      it.kind != ItemKind::Event)
    return {};
  for (QuestionKind kind : AllQuestionKinds()) {
    std::string why;
    if (!m_generator->Asks(kind, it.id, &why) && !why.empty()) return why;
  }
  return {};
}

std::string NewDeckText(const std::string& title) {
  std::string id = Slug(title);
  if (id.empty()) id = "my-deck";
  return "[deck]\nid = " + TomlValue(id) + "\ntitle = " + TomlValue(title) + "\nlanguage = \"en\"\n";
}

} // namespace factdeck::edit

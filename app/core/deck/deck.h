// A deck: typed facts about entities and dated events, plus plain flashcards. Loaded from
// a TOML facts file (docs/facts-format.md) or imported from CSV.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/base/id_index.h"
#include "core/deck/numbers.h"
#include "core/base/diagnostics.h"
#include "core/deck/table_reading.h"

namespace factdeck {

struct DeckSource {
  std::string id, title, author, url;
  Position pos;
  std::string kind; // what it is, in words: "article", "unsigned article", "memoir"; optional
};

// A picture shown with an item: a PNG or JPEG file in the deck's folder (the path relative
// to the deck file, as written), and where it comes from with its licence.
struct Picture {
  std::string path;
  std::string credit; // "Drawn for FactDeck, CC0", "Wikimedia Commons, public domain"
  Position pos;       // of the `image` key
  bool Empty() const { return path.empty(); }
};
inline constexpr std::uintmax_t kMaxPictureBytes = 8u << 20; // 8 MiB
inline constexpr int kMaxPictureSide = 4096;                 // pixels

struct Entity {
  std::string id, name, kind, description, source;
  Picture picture;
  std::vector<std::string> aliases, tags, renamedFrom;
  Position pos;
};

struct Event {
  std::string id, name, source, note;
  Picture picture;
  Date date;
  std::optional<Date> end;
  bool ongoing = false;    // not over yet: written "1922 – present" or end = "present"
  std::string place;       // plain text, or the name of placeEntity
  std::string placeEntity; // entity id when `place` named one
  std::vector<std::string> tags, renamedFrom;
  Position pos;
};

// When an event happened, for people: "1922", "c. 2600 BC", "535–554", "22 June – 31 July 431".
std::string EventWhen(const Event& e);
std::string SpanText(const Date& start, const std::optional<Date>& end, bool ongoing);
// Sets an event's date from text in the date grammar; a span sets its end too, and
// "1922 – present" marks it ongoing. Returns what is wrong ("invalid date ...: why"), or "".
std::string SetEventDate(Event& e, const std::string& text);
// Picture: a PNG or JPEG file (`object = "image"`): "Which of these is the flag of Chile?"
// shows pictures as options, and its reverse ("Who is this?") a picture as the prompt.
enum class ValueType { Entity, Text, Number, Year, Date, Picture };
const char* ValueTypeName(ValueType type);

struct Relation {
  std::string id;
  std::string question; // "Where was {subject} located?"
  std::string reverse;  // "Which facility was located near {object}?" (optional)
  ValueType objectType = ValueType::Text;
  std::string objectKind;  // the entity kind, when objectType is Entity
  std::string subjectKind; // optional: the entity kind (or "event") subjects must have
  std::string unit;        // optional, for numbers: "km", "pilots"
  bool many = false;       // a subject may have several objects
  // show_image: "prompt" (the default: the subject's picture with the question, or the
  // clue's in reverse), "options" (each option's picture, when every option has one) or "none".
  enum class ShowImage { Prompt, Options, None } showImage = ShowImage::Prompt;
  Position pos;
};

struct Value {
  ValueType type = ValueType::Text;
  std::string entity;                     // Entity: the entity id
  std::string text;                       // Text; for Number, the number as shown ("400", "0.5", "more than 100");
                                          // for Picture, the file's path as written
  double number = 0.0;                    // Number
  Date date;                              // Year and Date
  NumberBound bound = NumberBound::Exact; // Number: "more than 100" is a bound on 100
};

struct Fact {
  std::string id, subject, relation, source, note;
  std::string accordingTo; // who states it, when sources disagree
  Value object;
  Picture picture; // when the object is a picture: its path (object.text) and credit
  std::vector<std::string> renamedFrom;
  Position pos;                                // the [[fact]] header
  Position subjectPos, relationPos, objectPos; // the values, for errors about them
};

struct Card {
  std::string id, front, back, source;
  Picture picture; // shown with the front
  std::vector<std::string> tags;
  Position pos;
  // A cloze: the front is a text with a gap written "[...]" (or "[hint]"), the back what
  // fills it. Asked front to back only: the gap's text against other clozes' answers.
  bool cloze = false;
};

// A question written by hand ([[choice]]): its right answers (several for "select all"),
// its wrong options, and how long a class has to answer.
struct Choice {
  std::string id, question, explanation, source;
  Picture picture; // shown with the question
  std::vector<std::string> answers, wrong;
  std::vector<std::string> tags;
  int seconds = 0; // class play time limit; 0 for the game's own
  Position pos;
};
inline constexpr size_t kMaxChoiceOptions = 4; // the tiles of class play
inline constexpr int kMinChoiceSeconds = 5, kMaxChoiceSeconds = 240;
// What makes a hand-written question unfair or unplayable: no right or no wrong option, an
// empty option, more options than the tiles hold, a right answer also among the wrong ones,
// an option listed twice (compared folded: case, accents, Unicode forms). Empty when fine.
std::vector<std::string> ChoiceProblems(const Choice& choice);
// A warning when a right answer stands in the question's words ("Which is larger, 3 or 5?"
// is fine for a teacher to ask; a typo that gives the answer away is not): "" otherwise.
std::string ChoiceAnswerInQuestion(const Choice& choice);

struct Deck {
  std::string id, title, language, description;
  // Which ways cards are asked as multiple choice ([deck] card_directions): front to
  // back ("forward": pick the back) and back to front ("reverse"). Flashcards always.
  bool cardsForward = true, cardsReverse = true;
  std::string file; // where it was loaded from
  // Where pictures' paths start when not beside the file (an Anki package's pictures,
  // unpacked into the cache); empty: the deck file's folder.
  std::string pictureFolder;
  // The file a picture's path names: beside the deck file, or in pictureFolder.
  std::filesystem::path PictureFile(const Picture& picture) const {
    return (pictureFolder.empty() ? std::filesystem::path(file).parent_path() : std::filesystem::path(pictureFolder)) /
           picture.path;
  }
  std::string version; // a fingerprint of the file's text: a report sets a card aside until it changes
  std::vector<DeckSource> sources;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Relation> relations;
  std::vector<Fact> facts;
  std::vector<Card> cards;
  std::vector<Choice> choices;

  const Entity* FindEntity(const std::string& key) const;
  const Event* FindEvent(const std::string& key) const;
  const Relation* FindRelation(const std::string& key) const;
  const DeckSource* FindSource(const std::string& key) const;
  // Who states a fact (its according_to), in words for a question: a source's author
  // ("Suetonius"), or without one its kind and title ("the article “Rome's fall”"); any
  // other text as written ("a guide, citing Livy").
  std::string Attribution(const std::string& accordingTo) const;
  // A source as cited under an answer: "Suetonius, “The Twelve Caesars”", or
  // "“USSR helped future Nazis” (unsigned article)"; empty for an unknown id.
  std::string Citation(const std::string& sourceId) const;
  // The display name of an entity or event id; the id itself when unknown.
  std::string NameOf(const std::string& key) const;
  // A value as shown to people: an entity's name, a number with its unit, a date.
  std::string Display(const Value& value, const Relation* relation = nullptr) const;

  // For each event, the index of another event with the same name once folded, or -1
  // (EventsNamedAlike), as of the last Reindex.
  const std::vector<std::ptrdiff_t>& EventsAlike() const { return m_eventsAlike; }
  bool EventNamedAlike(size_t event) const { return event < m_eventsAlike.size() && m_eventsAlike[event] >= 0; }

  // Rebuilds the id look-ups and EventsAlike; call after changing the vectors.
  void Reindex();
  // Room for this many items, in blocks the kernel may back with huge pages (a loader fills
  // them at once: 100,000 facts are 45 MB).
  struct Sizes {
    size_t entities = 0, events = 0, facts = 0, cards = 0, choices = 0;
  };
  void Reserve(const Sizes& sizes);
  // Rebuilds the relations' look-up only (a loader reads facts before the rest is known).
  void IndexRelations();

private:
  IdIndex m_entityIndex, m_eventIndex, m_relationIndex, m_sourceIndex;
  std::vector<std::ptrdiff_t> m_eventsAlike;
};

// Calls `visit(picture)` for every picture the deck names: its entities', events', cards',
// written questions' and image facts'.
template <typename Visit> void ForEachPicture(const Deck& deck, Visit&& visit) {
  auto each = [&](const Picture& p) {
    if (!p.Empty()) visit(p);
  };
  for (const Entity& e : deck.entities)
    each(e.picture);
  for (const Event& e : deck.events)
    each(e.picture);
  for (const Card& c : deck.cards)
    each(c.picture);
  for (const Choice& c : deck.choices)
    each(c.picture);
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Picture) each(f.picture);
}

// For each event, the index of another event with the same name once folded, or -1.
// Questions cannot tell such events apart ("Act of Supremacy", 1534 and 1559), so their
// dates are not asked; the loaders warn about them.
std::vector<std::ptrdiff_t> EventsNamedAlike(const Deck& deck);
// The warning for an event named like an earlier one, or "" (for the loaders).
std::string NamedAlikeWarning(const Deck& deck, size_t event, std::ptrdiff_t other);

// The deck's `n` most used tags (entities, events and cards), most used first.
std::vector<std::string> CommonTags(const Deck& deck, size_t n);
// The hint of a set-up's tags field, from the deck's own tags: "all, or e.g. navy treaty".
std::string TagHint(const Deck& deck);

struct DeckLoad {
  Deck deck;
  Diagnostics diagnostics;
  size_t skippedRows = 0; // imports: rows left out because they could not be read
  // A table import: the header's names of the columns that became relations, in the
  // order of Deck::relations (for `import --dry-run`).
  std::vector<std::string> relationColumns;
  // A word on how the file was read that must not sit among the other warnings (a file
  // laid out almost as a quiz, read as something else); also one of the warnings.
  std::string notice;
  // Reviews the file's own history holds (an Anki package's review log), to be brought
  // into a learner's progress on request.
  size_t historyReviews = 0;
  // A workbook: its sheets, and the one read.
  std::vector<std::string> sheets;
  size_t sheet = 0;
  // A table of rows (a delimited file, a sheet): how it was read, and its first rows.
  std::optional<TableShape> shape;
  bool Ok() const { return CountErrors(diagnostics) == 0; }
};

// Largest facts file accepted.
inline constexpr size_t kMaxDeckFileBytes = 64u << 20;

// Reads a deck file of text (a facts file, or with `read` another kind: CSV) within
// kMaxDeckFileBytes and loads it; an unreadable file is an error diagnostic. Never throws.
// LoadDeckFile (core/import/deck_file.h) loads a deck file of any kind.
using TextDeckReader = std::function<DeckLoad(std::string_view text, const std::string& path)>;
DeckLoad LoadTextDeckFile(const std::string& path, const TextDeckReader& read = {});
// The same from text in memory; `fileName` is used in diagnostics.
DeckLoad ParseDeck(std::string_view text, const std::string& fileName);
// As ParseDeck, but in one toml++ parse of the whole text however large: what reading a
// large file in pieces must give (for tests).
DeckLoad ParseDeckWhole(std::string_view text, const std::string& fileName);

// Counts for `factdeck check` and the home screen.
struct DeckSummary {
  size_t entities = 0, events = 0, relations = 0, facts = 0, cards = 0, sources = 0, choices = 0;
};
DeckSummary Summarize(const Deck& deck);
// What a deck holds, for people: "160 facts · 41 events · 108 entities · 8 cards", only
// what it has ("68 cards", "1 event", "20 questions"), numbers with thousands separators.
std::string SummaryText(const DeckSummary& summary);

// How many questions of each kind the deck can make, by a quick count: facts whose
// relation has at least three other values of the same type to draw distractors from,
// facts whose relation has a reverse template, dated events, and cards.
struct QuestionCapacity {
  size_t multipleChoice = 0, multipleChoiceReverse = 0, when = 0, ordering = 0, whichFirst = 0, typedYear = 0,
         flashcard = 0;
};
QuestionCapacity EstimateCapacity(const Deck& deck);

} // namespace factdeck

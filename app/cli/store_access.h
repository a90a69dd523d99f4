// What the commands on the progress store share: opening it, and finding the learner.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/store/profile_store.h"

namespace factdeck::cli {

struct StoreOptions {
  const std::string* dataDir = nullptr; // the program's --data-dir
  std::string profile, file, deck;
  bool json = false;
};

srs::TimeMs Now();
std::filesystem::path DataDir(const StoreOptions& o);
// How the learner's days are counted: the machine's time zone and the day start hour of
// the settings in the data folder.
srs::StudyDay LearnerDay(const StoreOptions& o);
// Opens the store, printing notices; null (after printing why) when it cannot be used.
std::unique_ptr<ProfileStore> OpenStore(const StoreOptions& o);
// The profile named in --profile, or the default one; 0 (after a message) when unknown.
std::int64_t ProfileOf(ProfileStore& store, const StoreOptions& o);

} // namespace factdeck::cli

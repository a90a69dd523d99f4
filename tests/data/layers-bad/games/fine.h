// A game that includes its own layer and a lower one: allowed.
#pragma once
#include "core/games/question_run.h"
#include "core/base/text.h"

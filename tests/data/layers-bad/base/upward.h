// A base file that includes a game: the layer check must reject it.
#pragma once
#include "core/games/classroom.h"

#include <catch2/catch.hpp>

#include "pathways/catalogue.hpp"

using namespace pathways;

TEST_CASE("placeholder loads") { REQUIRE(is_valid_id("abc")); }

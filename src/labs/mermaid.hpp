// A Mermaid flowchart (```mermaid in a lesson) for a terminal. With a `%% tutor: EXPR` line
// it is the tutor's own drawing of EXPR's graph, the one `tutor graph` shows; otherwise each
// edge is a line "from ──▶ to" with the nodes' labels.
//
//   tutor::mermaid_text("graph LR\n  a --> add[\"(+)\"]\n", false);
//   // {"a ──▶ (+)"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tutor {

// The lines that show BODY (the block's text without its fences), unindented and safe to
// print. Never throws: an expression that does not parse, or a graph too big to draw, falls
// back to the edges. Costs one parse and one drawing at most.
std::vector<std::string> mermaid_text(std::string_view body, bool ascii);

}  // namespace tutor

import type { CSSProperties } from "react";

/** Read by screen readers, not shown (the usual clip pattern; display:none would hide it from both). */
export const srOnly: CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

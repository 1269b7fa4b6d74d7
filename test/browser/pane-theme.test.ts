// Office's theme decides the pane's Fluent theme (src/taskpane/theme.ts).
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentTheme, luminance, themeNameOf } from "../../src/taskpane/theme";

describe("Office theme → Fluent theme", () => {
  it("follows isDarkTheme where the host reports it (Office 2021+, Microsoft 365)", () => {
    expect(themeNameOf({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(themeNameOf({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
  });

  it("reads the body background on older hosts: a dark background means the dark theme", () => {
    expect(themeNameOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeNameOf({ bodyBackgroundColor: "#444444" })).toBe("dark");
    expect(themeNameOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeNameOf({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
    expect(themeNameOf({ bodyBackgroundColor: "#fff" })).toBe("light");
  });

  it("stays light when there is no theme or an unreadable colour", () => {
    expect(themeNameOf(null)).toBe("light");
    expect(themeNameOf(undefined)).toBe("light");
    expect(themeNameOf({ bodyBackgroundColor: "rgb(0,0,0)" })).toBe("light");
    expect(luminance("not a colour")).toBeNull();
  });

  it("maps to Fluent's web themes", () => {
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("light")).toBe(webLightTheme);
  });
});

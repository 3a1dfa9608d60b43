import BriefTagger
import Foundation
// Implementation-only: TOMLKit's public literal conformances, seen by every module importing BriefTUI, make
// some integer-array expressions elsewhere too slow to type-check. No TOMLKit type appears in our API.
internal import TOMLKit

/// Reads `config.toml` text into a `ReaderConfig`. Pure: text in, config and problems out. Every problem
/// names its line; whatever is wrong falls back to the default and the rest still applies.
///
/// ```toml
/// open_marks_read = false
/// mouse = true
/// sync_minutes = 15
/// [keys]
/// open = ["enter", "right"]
/// [colors]
/// person = "yellow"
/// ```
public enum ConfigLoader {
    /// The config file's path: `$XDG_CONFIG_HOME/brief/config.toml`, else `~/.config/brief/config.toml`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return xdg + "/brief/config.toml"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/brief/config.toml"
    }

    /// Loads the file at `path`; a missing file is the defaults with no problems.
    public static func load(path: String) -> (ReaderConfig, [String]) {
        guard FileManager.default.fileExists(atPath: path) else { return (ReaderConfig(), []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (ReaderConfig(), ["config \(path): cannot read the file; using the defaults"])
        }
        let (config, problems) = parse(String(decoding: data, as: UTF8.self))
        return (config, problems.map { "config \(path): \($0)" })
    }

    /// Parses config text. Problems read like `line 3: unknown key name "ctrl-x" for open`.
    public static func parse(_ text: String) -> (ReaderConfig, [String]) {
        var problems: [String] = []
        var lines = text.components(separatedBy: "\n")
        var table: TOMLTable?
        // A syntax error drops that one line and tries again, so one bad line costs only itself.
        for _ in 0..<20 {
            do {
                table = try TOMLTable(string: lines.joined(separator: "\n"))
                break
            } catch let error as TOMLParseError {
                let line = error.source.begin.line
                problems.append("line \(line): \(error.description); line ignored")
                guard line >= 1, line <= lines.count, !lines[line - 1].hasPrefix("#") else { break }
                lines[line - 1] = "# " + lines[line - 1]
            } catch {
                problems.append("\(error); using the defaults")
                break
            }
        }
        var config = ReaderConfig()
        guard let table else { return (config, problems) }
        func lineOf(_ key: String) -> String {
            let number = lines.firstIndex { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix(key) || trimmed.hasPrefix("[" + key + "]") || trimmed.hasPrefix("\"" + key + "\"")
            }.map { $0 + 1 }
            return number.map { "line \($0)" } ?? "key \(key)"
        }
        for key in table.keys {
            switch key {
            case "open_marks_read", "mouse", "refresh_on_start", "confirm_quit":
                guard let value = table[key]?.bool else {
                    problems.append("\(lineOf(key)): \(key) must be true or false")
                    continue
                }
                switch key {
                case "mouse": config.mouse = value
                case "refresh_on_start": config.refreshOnStart = value
                case "confirm_quit": config.confirmQuit = value
                default: config.openMarksRead = value
                }
            case "refresh_minutes", "keep_days":
                // 0 turns it off; anything but a whole number from 0 to ten years is refused, the default kept.
                guard let value = table[key]?.int, (0...3650 * 24 * 60).contains(value),
                      key == "refresh_minutes" || value <= 36500 else {
                    problems.append("\(lineOf(key)): \(key) must be a whole number of \(key == "keep_days" ? "days" : "minutes") (0: off)")
                    continue
                }
                if key == "keep_days" { config.keepDays = value == 0 ? nil : value } else { config.refreshMinutes = value == 0 ? nil : value }
            case "keys":
                guard let keys = table[key]?.table else {
                    problems.append("\(lineOf(key)): [keys] must be a table")
                    continue
                }
                for name in keys.keys {
                    let values: [String]
                    if let array = keys[name]?.array {
                        values = array.compactMap { $0.string }
                        if values.count != array.count {
                            problems.append("\(lineOf(name)): keys for \(name) must be strings")
                            continue
                        }
                    } else if let single = keys[name]?.string {
                        values = [single]
                    } else {
                        problems.append("\(lineOf(name)): keys for \(name) must be a string or a list of strings")
                        continue
                    }
                    var parsed: [Key] = []
                    var bad: [String] = []
                    for value in values {
                        if let key = keyNamed(value) { parsed.append(key) } else { bad.append(value) }
                    }
                    if !bad.isEmpty {
                        problems.append("\(lineOf(name)): unknown key name \(bad.map { "\"\($0)\"" }.joined(separator: ", ")) for \(name)")
                        continue
                    }
                    guard let rebound = config.keymap.rebinding(name, to: parsed) else {
                        let known = Keymap.standard.bindings.map(\.name).joined(separator: ", ")
                        problems.append("\(lineOf(name)): unknown operation \"\(name)\" (known: \(known))")
                        continue
                    }
                    config.keymap = rebound
                }
            case "sync_minutes":
                guard let minutes = table[key]?.int, minutes >= 1, minutes <= 1_440 else {
                    problems.append("\(lineOf(key)): sync_minutes must be a whole number of minutes from 1 to 1440")
                    continue
                }
                config.syncMinutes = minutes
            case "colors", "colours":
                guard let colors = table[key]?.table else {
                    problems.append("\(lineOf(key)): [colors] must be a table")
                    continue
                }
                for name in colors.keys {
                    guard let type = entityType(named: name) else {
                        problems.append("\(lineOf(name)): unknown entity type \"\(name)\" (person, organisation, place, group)")
                        continue
                    }
                    guard let color = colors[name]?.string.flatMap(colorNamed) ?? colors[name]?.int.flatMap(paletteColor) else {
                        problems.append("\(lineOf(name)): unknown colour for \(name) (a name such as \"yellow\" or 0–255)")
                        continue
                    }
                    config.entityColors[type] = color
                }
            default:
                problems.append("\(lineOf(key)): unknown setting \"\(key)\"")
            }
        }
        return (config, problems.sorted { lineNumber($0) < lineNumber($1) })
    }

    /// The line number a problem starts with, for ordering.
    private static func lineNumber(_ problem: String) -> Int {
        guard problem.hasPrefix("line ") else { return Int.max }
        return Int(problem.dropFirst(5).prefix { $0.isNumber }) ?? Int.max
    }

    /// `"o"`, `"enter"`, `"shift-tab"`, `"pgdn"`… as a `Key`.
    static func keyNamed(_ name: String) -> Key? {
        if name.count == 1, let character = name.first,
           !character.unicodeScalars.contains(where: { CellGrid.isUnsafe($0) }) {
            return .character(character)
        }
        switch name.lowercased() {
        case "enter", "return": return .enter
        case "tab": return .tab
        case "shift-tab", "backtab", "s-tab": return .backTab
        case "esc", "escape": return .escape
        case "space": return .character(" ")
        case "backspace": return .backspace
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pageup", "pgup", "page_up": return .pageUp
        case "pagedown", "pgdn", "page_down": return .pageDown
        case "home": return .home
        case "end": return .end
        default: return nil
        }
    }

    static func entityType(named name: String) -> EntityType? {
        switch name.lowercased() {
        case "person", "per": .person
        case "organisation", "organization", "org": .organisation
        case "place", "loc", "location": .place
        case "group", "misc": .group
        default: nil
        }
    }

    static func colorNamed(_ name: String) -> TerminalColor? {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if let index = names.firstIndex(of: name.lowercased()) { return .basic(UInt8(truncatingIfNeeded: index)) }
        return Int(name).flatMap(paletteColor)
    }

    static func paletteColor(_ number: Int) -> TerminalColor? {
        UInt8(exactly: number).map { .palette($0) }
    }
}

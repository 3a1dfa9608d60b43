import BriefLayout
/// The lines of the keys screen, generated from the keymap so it always tells the truth. A last, dimmed
/// column names each operation as `config.toml` rebinds it (on a narrow screen it is the first thing cut).
enum HelpLines {
    static func lines(_ keymap: Keymap, theme: Theme) -> [[StyledSpan]] {
        let labels = keymap.bindings.map { $0.keys.map(\.label).joined(separator: " ") }
        let column = min(18, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        let summaryColumn = min(44, (keymap.bindings.map { DisplayWidth.of($0.summary) }.max() ?? 0) + 2)
        var lines: [[StyledSpan]] = []
        for scope in KeyScope.allCases {
            let bindings = keymap.bindings.indices.filter { keymap.bindings[$0].scope == scope }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([StyledSpan(scope.rawValue, theme.sectionHeading)])
            for index in bindings {
                let binding = keymap.bindings[index]
                guard !binding.name.isEmpty else {
                    lines.append([StyledSpan("  " + TextFit.pad(labels[index], to: column), theme.helpKey),
                                  StyledSpan(binding.summary)])
                    continue
                }
                lines.append([StyledSpan("  " + TextFit.pad(labels[index], to: column), theme.helpKey),
                              StyledSpan(TextFit.pad(binding.summary, to: summaryColumn)),
                              StyledSpan(binding.name, theme.topEntities)])
            }
        }
        return lines
    }
}

/// The values of `--output`/`-o`, as az accepts them.
///
/// `jsonc` and `yamlc` are `json` and `yaml` with ANSI colours; they fall back to the plain
/// format when colour is off (not a terminal, `NO_COLOR`, …), as az does.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json, jsonc, table, tsv, yaml, yamlc, none
}

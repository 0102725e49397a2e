//! One spelling of a person across the workspace's articles, in the
//! editor (issue 17.6): an open story that spells a councillor otherwise
//! than the workspace's other stories (as saved) gets a `name-variant`
//! finding where it first names her; correcting it in the editor clears
//! it, and other stories changed on disk are read again when the client
//! says so.

use crate::common::*;
use serde_json::{json, Value};

const COUNCIL: &str = "Councillor Siobhán Fairweather told the planning committee on Tuesday that the harbour wall could not wait another winter.\r\n\r\n“We have patched it for ten years,” Ms Fairweather said. “The sea does not read committee papers.”\r\n\r\nThe committee approved the £2.4m scheme by six votes to two.\r\n";
const FLOODS: &str = "Residents of Quay Street were moved out overnight as the tide topped the defences 🌊.\n\nSiobhán Fairweather, who chairs the harbour board, said the pumps had worked “as well as pumps can”.\n\nFairweather said a full report would go to the council in March.\n";
/// The open story: the councillor's surname with a letter dropped, the
/// same way throughout (so the article alone is consistent).
const MARKET: &str = "The Saturday market will move to the harbour car park from April, the council said.\n\nSiobhán Fairwether, who proposed the move, said traders had asked for more space.\n\n“It is the right place for it,” Fairwether said.\n";

fn cross(diags: &[Value]) -> Vec<(u64, String)> {
    diags
        .iter()
        .filter(|d| d["code"] == "name-variant")
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pushed_cross(m: &Value, uri: &str) -> Option<Vec<(u64, String)>> {
    (m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .then(|| cross(m["params"]["diagnostics"].as_array().map_or(&[][..], |v| v)))
}

#[test]
fn a_person_spelled_otherwise_than_in_the_other_stories_is_flagged_in_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("council.txt"), COUNCIL).unwrap();
    std::fs::create_dir(dir.path().join("weather")).unwrap();
    std::fs::write(dir.path().join("weather/floods.md"), FLOODS).unwrap();
    std::fs::write(dir.path().join("market.txt"), MARKET).unwrap();
    let uri = format!("file://{}/market.txt", dir.path().display());

    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    open(&mut lsp, &uri, "plaintext", 1, MARKET);
    // The workspace is read aside: its finding comes once it is.
    let m = lsp.wait_for(|m| pushed_cross(m, &uri).is_some_and(|c| !c.is_empty()));
    let found = pushed_cross(&m, &uri).unwrap_or_default();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 2, "on the first full reference: {found:?}");
    assert_eq!(
        found[0].1,
        "‘Siobhán Fairwether’ here, but council.txt, weather/floods.md spell it ‘Siobhán Fairweather’: use one spelling across the articles"
    );
    // Pushed and pulled agree.
    assert_eq!(cross(&lsp.diagnostics(&uri, 1)), found);

    // The quick fix respells her as the other stories do, in every
    // mention of this story; applied (not yet saved), the finding goes.
    let diag = lsp
        .diagnostics(&uri, 1)
        .into_iter()
        .find(|d| d["code"] == "name-variant")
        .expect("the workspace finding");
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    let fix = actions["result"]
        .as_array()
        .and_then(|a| a.iter().find(|a| a["kind"] == "quickfix").cloned())
        .expect("a quick fix");
    assert_eq!(
        fix["title"],
        "Change ‘Fairwether’ to ‘Fairweather’ in all 2 mentions"
    );
    let fixed = apply_lsp_edits(MARKET, &action_edits(&fix, &uri));
    assert_eq!(fixed, MARKET.replace("Fairwether", "Fairweather"));
    change(&mut lsp, &uri, 2, json!([{"text": fixed}]));
    lsp.wait_for(|m| {
        pushed_cross(m, &uri).is_some_and(|c| c.is_empty()) && m["params"]["version"] == 2
    });
    assert!(cross(&lsp.diagnostics(&uri, 2)).is_empty());

    // Typed wrong again; then the other two stories are changed on disk to
    // that spelling: the open story now agrees with them.
    change(&mut lsp, &uri, 3, json!([{"text": MARKET}]));
    lsp.wait_for(|m| {
        pushed_cross(m, &uri).is_some_and(|c| c.len() == 1) && m["params"]["version"] == 3
    });
    std::fs::write(
        dir.path().join("council.txt"),
        COUNCIL.replace("Fairweather", "Fairwether"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("weather/floods.md"),
        FLOODS.replace("Fairweather", "Fairwether"),
    )
    .unwrap();
    let changes: Vec<Value> = ["council.txt", "weather/floods.md"]
        .iter()
        .map(|f| json!({"uri": format!("file://{}/{f}", dir.path().display()), "type": 2}))
        .collect();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": changes }),
    );
    lsp.wait_for(|m| {
        pushed_cross(m, &uri).is_some_and(|c| c.is_empty()) && m["params"]["version"] == 3
    });
    assert!(cross(&lsp.diagnostics(&uri, 3)).is_empty());
    lsp.shutdown();
}

#[test]
fn an_open_story_is_not_compared_with_its_own_saved_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("council.txt"), COUNCIL).unwrap();
    std::fs::write(dir.path().join("floods.md"), FLOODS).unwrap();
    let uri = format!("file://{}/council.txt", dir.path().display());
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    // The saved council story spells her right; the one in the editor not.
    let typed = COUNCIL.replace("Fairweather", "Fairwether");
    open(&mut lsp, &uri, "plaintext", 1, &typed);
    let m = lsp.wait_for(|m| pushed_cross(m, &uri).is_some_and(|c| !c.is_empty()));
    let found = pushed_cross(&m, &uri).unwrap_or_default();
    assert_eq!(
        found,
        [(
            0,
            "‘Siobhán Fairwether’ here, but floods.md spells it ‘Siobhán Fairweather’: use one spelling across the articles".to_string()
        )]
    );
    lsp.shutdown();
}

/// The handshake of a client with a multi-root workspace (VS Code's
/// `.code-workspace`, Neovim's `workspace_folders`): no root URI, the
/// folders listed.
fn initialize_folders(lsp: &mut Lsp, folders: &[&std::path::Path]) -> Value {
    let folders: Vec<Value> = folders
        .iter()
        .map(|p| {
            json!({
                "uri": format!("file://{}", p.display()),
                "name": p.file_name().map(|n| n.to_string_lossy().into_owned()),
            })
        })
        .collect();
    handshake(
        lsp,
        json!({
            "processId": null,
            "rootUri": null,
            "workspaceFolders": folders,
            "capabilities": {
                "workspace": {"configuration": true, "workspaceFolders": true},
                "textDocument": {"publishDiagnostics": {"versionSupport": true}}
            }
        }),
    )
}

#[test]
fn every_folder_of_a_multi_root_workspace_is_compared_and_folders_can_come_and_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (city, weather) = (dir.path().join("city-desk"), dir.path().join("weather"));
    std::fs::create_dir(&city).unwrap();
    std::fs::create_dir(&weather).unwrap();
    std::fs::write(city.join("council.txt"), COUNCIL).unwrap();
    std::fs::write(city.join("market.txt"), MARKET).unwrap();
    std::fs::write(weather.join("floods.md"), FLOODS).unwrap();
    let uri = format!("file://{}/market.txt", city.display());

    let mut lsp = Lsp::start();
    let caps = initialize_folders(&mut lsp, &[&city, &weather]);
    assert_eq!(
        caps["workspace"]["workspaceFolders"],
        json!({"supported": true, "changeNotifications": true})
    );
    open(&mut lsp, &uri, "plaintext", 1, MARKET);
    // Both folders' stories spell her otherwise; each is named under its folder.
    let both = "‘Siobhán Fairwether’ here, but city-desk/council.txt, weather/floods.md spell it ‘Siobhán Fairweather’: use one spelling across the articles";
    let m = lsp.wait_for(|m| pushed_cross(m, &uri).is_some_and(|c| c.len() == 1 && c[0].1 == both));
    assert_eq!(pushed_cross(&m, &uri).unwrap_or_default()[0].0, 2);

    // The weather folder is closed: only the council story is left to
    // compare with, and the folder's name is no longer needed.
    let folder =
        |p: &std::path::Path| json!({"uri": format!("file://{}", p.display()), "name": "w"});
    lsp.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [folder(&weather)]}}),
    );
    let one = "‘Siobhán Fairwether’ here, but council.txt spells it ‘Siobhán Fairweather’: use one spelling across the articles";
    lsp.wait_for(|m| pushed_cross(m, &uri).is_some_and(|c| c.len() == 1 && c[0].1 == one));

    // Opened again: both again.
    lsp.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [folder(&weather)], "removed": []}}),
    );
    lsp.wait_for(|m| pushed_cross(m, &uri).is_some_and(|c| c.len() == 1 && c[0].1 == both));

    // Every folder closed: nothing to compare with, no finding.
    lsp.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [folder(&weather), folder(&city)]}}),
    );
    // (An empty list was pushed at the open, before the folders were read:
    // ask until the answer, pushed and pulled alike, is empty again.)
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !cross(&lsp.diagnostics(&uri, 1)).is_empty() {
        assert!(std::time::Instant::now() < deadline, "the finding stays");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    lsp.shutdown();
}

//! The reference side: `runvm.mjs` started once per job as a long-lived
//! JSON-lines process. Requests are written by one thread while another
//! reads the answers, so a whole batch is in flight at once.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::Value as Json;

use super::DiffError;

/// Something that runs request lines like the reference runner does.
pub trait Reference {
    /// One result per request, in order.
    fn run_batch(&mut self, requests: &[Json]) -> Result<Vec<Json>, DiffError>;
}

/// One `node runvm.mjs` process.
struct Process {
    child: Child,
    stdin: Option<BufWriter<ChildStdin>>,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Process {
    fn drop(&mut self) {
        // Closing stdin ends the runner; wait so no zombie is left.
        self.stdin.take();
        let _ = self.child.wait();
    }
}

/// The reference TVM through `runvm.mjs`, `jobs` processes side by side.
pub struct NodeOracle {
    processes: Vec<Process>,
}

/// `runvm.mjs` of the shared oracle: `$ORACLE_DIR/runvm.mjs` if set, else
/// `../shared/oracle/runvm.mjs` from the workspace root.
pub fn default_script() -> PathBuf {
    match std::env::var_os("ORACLE_DIR") {
        Some(dir) => PathBuf::from(dir).join("runvm.mjs"),
        None => crate::coverage::crate_dir().join("../../shared/oracle/runvm.mjs"),
    }
}

/// Whether the oracle is installed next to `script` (its `node_modules`).
pub fn installed(script: &Path) -> bool {
    script.is_file() && script.parent().is_some_and(|d| d.join("node_modules").is_dir())
}

impl NodeOracle {
    /// Starts `jobs` runner processes with the sandbox's default blockchain
    /// config (the one gram's get-method c7 carries).
    pub fn start(script: &Path, jobs: usize) -> Result<NodeOracle, DiffError> {
        NodeOracle::start_with_config(script, jobs, "default")
    }

    /// Starts `jobs` runner processes with `--config=<config>` (`default` or
    /// `slim`: the same global version 12, slim runs about twice as fast but
    /// its config cell differs from the one in gram's c7).
    pub fn start_with_config(script: &Path, jobs: usize, config: &str) -> Result<NodeOracle, DiffError> {
        if !installed(script) {
            return Err(DiffError::Oracle(format!(
                "{} or its node_modules is missing (bash ../shared/oracle/setup.sh installs it)",
                script.display()
            )));
        }
        // The runner only starts when argv[1] is its real path (not via a symlink).
        let script = std::fs::canonicalize(script)?;
        let mut processes = Vec::new();
        for _ in 0..jobs.max(1) {
            let mut child = Command::new("node")
                .arg(&script)
                .arg(format!("--config={config}"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| DiffError::Oracle(format!("cannot start node: {e}")))?;
            let stdin = child.stdin.take().map(BufWriter::new);
            let stdout = child.stdout.take().ok_or_else(|| DiffError::Oracle("no stdout".into()))?;
            processes.push(Process { child, stdin, stdout: BufReader::new(stdout) });
        }
        Ok(NodeOracle { processes })
    }
}

/// The blockchain config the reference puts in c7 (field 9 of the params
/// tuple), as a base64 BoC: read back with `PUSH c7` from a probe run.
pub fn c7_config(oracle: &mut dyn Reference) -> Result<String, DiffError> {
    let probe = serde_json::json!({"code_hex": "ED47", "stack": [{"type": "int", "value": "0"}], "c4c5": false});
    let answer = oracle.run_batch(&[probe])?.pop().unwrap_or(Json::Null);
    let top = answer["stack"].as_array().and_then(|s| s.last()).cloned().unwrap_or(Json::Null);
    top["items"][0]["items"][9]["boc"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| DiffError::Oracle(format!("no config cell in the reference's c7: {answer}")))
}

/// Streams `lines` through one process and reads as many answers.
fn run_on(process: &mut Process, lines: Vec<String>) -> Result<Vec<Json>, DiffError> {
    let count = lines.len();
    let stdin = process.stdin.as_mut().ok_or_else(|| DiffError::Oracle("oracle stdin closed".into()))?;
    let stdout = &mut process.stdout;
    std::thread::scope(|s| {
        let writer = s.spawn(move || -> std::io::Result<()> {
            for line in &lines {
                stdin.write_all(line.as_bytes())?;
                stdin.write_all(b"\n")?;
            }
            stdin.flush()
        });
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let mut line = String::new();
            if stdout.read_line(&mut line)? == 0 {
                return Err(DiffError::Oracle("the oracle process exited".into()));
            }
            let value = serde_json::from_str(&line)
                .map_err(|e| DiffError::Oracle(format!("unreadable answer {line:?}: {e}")))?;
            out.push(value);
        }
        writer.join().map_err(|_| DiffError::Oracle("writer thread panicked".into()))??;
        Ok(out)
    })
}

impl Reference for NodeOracle {
    fn run_batch(&mut self, requests: &[Json]) -> Result<Vec<Json>, DiffError> {
        let jobs = self.processes.len();
        let mut shares: Vec<Vec<String>> = vec![Vec::new(); jobs];
        for (i, r) in requests.iter().enumerate() {
            shares[i % jobs].push(r.to_string());
        }
        let answers: Vec<Result<Vec<Json>, DiffError>> = std::thread::scope(|s| {
            let handles: Vec<_> =
                self.processes.iter_mut().zip(shares).map(|(p, lines)| s.spawn(move || run_on(p, lines))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(DiffError::Oracle("oracle thread panicked".into()))))
                .collect()
        });
        let mut per_job = Vec::new();
        for a in answers {
            per_job.push(a?.into_iter());
        }
        let mut out = Vec::with_capacity(requests.len());
        for i in 0..requests.len() {
            out.extend(per_job[i % jobs].next());
        }
        Ok(out)
    }
}

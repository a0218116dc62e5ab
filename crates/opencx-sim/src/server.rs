//! Starting and stopping a simulator: `spawn` binds and serves in a tokio task; `SimHandle`
//! controls it from tests and the app.

use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::{lock, Shared};
use crate::chat::Chats;
use crate::config::SimConfig;
use crate::error::SimError;
use crate::faults::{FaultState, Faults};
use crate::rate_limit::RateLimiter;
use crate::readings::{ChatAnswer, Readings};
use crate::record::{RecordedRequest, RequestLog};
use crate::store::{State, Store};
use crate::{persist, routes, seed};

/// How long `shutdown` waits for open requests before it stops the server anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The state to start from: the state file if there is one, else the seed (which then
/// creates the file).
fn initial_state(config: &SimConfig) -> Result<State, SimError> {
    if let Some(path) = &config.state_file {
        if let Some(state) = persist::load(path)? {
            return Ok(state);
        }
        let state = seed::build(config.seed, config.random_seed);
        persist::write_atomically(path, &persist::encode(&state))?;
        return Ok(state);
    }
    Ok(seed::build(config.seed, config.random_seed))
}

/// Starts a simulator: loads or seeds its state, binds `config.addr` and serves in a task.
pub async fn spawn(config: SimConfig) -> Result<SimHandle, SimError> {
    let state = initial_state(&config)?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| SimError::Bind {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| SimError::Bind {
        addr: config.addr,
        source,
    })?;
    let (stop, stopped) = watch::channel(false);
    let faults = Faults {
        latency_ms: (config.latency_ms > 0).then_some(config.latency_ms),
        ..Faults::default()
    };
    let shared = Arc::new(Shared {
        store: Mutex::new(Store::new(
            state,
            Readings {
                draft_mode: config.draft_mode,
                omitted_fields: config.omitted_fields,
            },
        )),
        state_file: config.state_file,
        chats: Mutex::new(Chats::default()),
        chat_answer: Mutex::new(config.chat_answer),
        faults: Mutex::new(FaultState::new(faults, config.random_seed)),
        limiter: Mutex::new(RateLimiter::new(config.rate_limit_per_minute)),
        directories_enabled: AtomicBool::new(config.directories_enabled),
        refused_channels: Mutex::new(config.refused_channels),
        tokens: config.tokens,
        control_token: config.control_token,
        log: Mutex::new(RequestLog::default()),
        shutdown: stopped.clone(),
    });
    let app = routes::router(shared.clone());
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let mut signal = stopped;
    let task = tokio::spawn(async move {
        let served = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = signal.wait_for(|down| *down).await;
        })
        .await;
        if let Err(e) = served {
            tracing::error!("the simulator stopped serving: {e}");
        }
    });
    Ok(SimHandle {
        addr,
        shared,
        stop,
        task: Some(task),
    })
}

/// A running simulator. Dropping it asks the server to stop; `shutdown` also waits for it.
pub struct SimHandle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl SimHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Replaces the fault settings (counters start over).
    pub fn set_faults(&self, faults: Faults) {
        lock(&self.shared.faults).set(faults);
    }

    /// The fault settings now (counters as far as they have counted down).
    pub fn faults(&self) -> Faults {
        lock(&self.shared.faults).faults().clone()
    }

    pub fn set_directories_enabled(&self, on: bool) {
        self.shared.set_directories_enabled(on);
    }

    /// Channels to refuse from now on, as a workspace that does not offer them would.
    pub fn set_refused_channels(&self, channels: Vec<String>) {
        self.shared.set_refused_channels(channels);
    }

    /// Which documented answer `POST /chat/sessions/{id}/send` gives from now on.
    pub fn set_chat_answer(&self, shape: ChatAnswer) {
        self.shared.set_chat_answer(shape);
    }

    /// Requests per minute per token; 0 = unlimited.
    pub fn set_rate_limit(&self, per_minute: u32) {
        lock(&self.shared.limiter).set_per_minute(per_minute);
    }

    /// Every API request received, oldest first (control routes are not recorded; the
    /// newest 10,000 are kept).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.log).snapshot()
    }

    pub fn clear_requests(&self) {
        lock(&self.shared.log).clear();
    }

    /// Every training as the API would show it, in creation order.
    pub fn trainings(&self) -> Vec<serde_json::Value> {
        self.shared.read(|store| {
            store
                .state()
                .trainings
                .iter()
                .filter_map(|r| serde_json::to_value(&r.training).ok())
                .collect()
        })
    }

    /// Stops accepting, lets open requests finish (hanging ones end at once), and waits
    /// for the server task, at most a few seconds.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

impl std::fmt::Debug for SimHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimHandle")
            .field("addr", &self.addr)
            .finish()
    }
}

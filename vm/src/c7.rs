//! The c7 register a contract starts with: a one-entry tuple holding the
//! `SmartContractInfo` tuple, as the reference builds it for a get-method call
//! (`prepare_vm_c7` in `smc-envelope/SmartContract.cpp`, what the emulator and
//! `@ton/sandbox` use) and for a transaction (`Transaction::prepare_vm_c7`).
//!
//! Both layouts have the same entries; only their values differ:
//!
//! | index | entry | since version |
//! | --- | --- | --- |
//! | 0 | magic `0x076ef1ea` | |
//! | 1, 2 | actions, msgs_sent (0) | |
//! | 3 | unixtime | |
//! | 4, 5 | block_lt, trans_lt | |
//! | 6 | rand_seed | |
//! | 7 | balance `[grams, extra]` | |
//! | 8 | myself (address slice) | |
//! | 9 | global config (ConfigParams root or null) | |
//! | 10 | code | 4 |
//! | 11 | incoming value `[grams, extra]` | 4 |
//! | 12 | storage fees | 4 |
//! | 13 | previous blocks info (null outside a validator) | 4 |
//! | 14 | unpacked config (params 18, 19, 20, 21, 24, 25, 43) | 6 |
//! | 15 | due payment | 6 |
//! | 16 | precompiled gas usage (or null) | 6 |
//! | 17 | incoming message parameters (10 entries) | 11 |
//!
//! ```
//! use gram_vm::c7::{BlockchainConfig, C7Params};
//! let params = C7Params::get_method(None, Some(BlockchainConfig::sandbox_default().clone()));
//! let c7 = params.build();
//! assert_eq!(c7.len(), 1);
//! ```
//!
//! An executor builds the transaction layout with [`C7Params::transaction`]
//! from what it knows when the compute phase starts ([`TxEnv`], [`TxAccount`])
//! and what triggered the transaction ([`TxTrigger`]: an inbound message, or
//! tick / tock). Checked against real transactions of the reference emulator
//! by `vm/tests/c7.rs` with conformance/vectors/tx_c7_vectors.json.

use std::rc::Rc;
use std::sync::OnceLock;

use gram_cells::dict::{DictKey, Dictionary, NoGas};
use gram_cells::tlb::{CommonMsgInfo, CurrencyCollection, IntMsgInfo, Message, StdAddr, Store, TlbError};
use gram_cells::{Cell, CellBuilder, CellSlice, HashBytes};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::int257::Int257;
use crate::value::{Tuple, Value};

/// The `SmartContractInfo` magic number (entry 0).
pub const C7_MAGIC: i64 = 0x076e_f1ea;

/// The global version assumed when no configuration is given.
pub const SUPPORTED_VERSION: u32 = crate::DEFAULT_GLOBAL_VERSION;

/// Block logical times are multiples of this in the emulator (`ConfigInfo::get_lt_align`).
pub const BLOCK_LT_ALIGN: u64 = 1_000_000;

/// The configuration `@ton/sandbox` 0.41.0 uses by default (global version 12).
const SANDBOX_DEFAULT_CONFIG: &[u8] = include_bytes!("../assets/sandbox_default_config.boc");

/// A configuration that cannot be used.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The bag of cells did not decode.
    #[error("config: {0}")]
    Boc(String),
    /// The root is not a `HashmapE 32 ^Cell` dictionary that can be read.
    #[error("config: not a ConfigParams dictionary ({0})")]
    NotADictionary(String),
    /// Config param 8 (global version and capabilities) is missing or malformed.
    #[error("config: param 8 (global version) is missing or malformed")]
    NoGlobalVersion,
}

/// A blockchain configuration: the root of the `ConfigParams` dictionary
/// (`HashmapE 32 ^Cell`), with the lookups c7 needs.
#[derive(Clone, Debug)]
pub struct BlockchainConfig {
    root: Cell,
    global_version: u32,
}

impl BlockchainConfig {
    /// Wraps a `ConfigParams` dictionary root; param 8 must be present.
    pub fn from_root(root: Cell) -> Result<BlockchainConfig, ConfigError> {
        let mut config = BlockchainConfig { root, global_version: 0 };
        let param8 = config.param(8)?.ok_or(ConfigError::NoGlobalVersion)?;
        let mut s = CellSlice::new(param8);
        s.skip_bits(8).map_err(|_| ConfigError::NoGlobalVersion)?;
        config.global_version = s.load_u32().map_err(|_| ConfigError::NoGlobalVersion)?;
        Ok(config)
    }

    /// Decodes a configuration from a bag of cells.
    pub fn from_boc(bytes: &[u8]) -> Result<BlockchainConfig, ConfigError> {
        let root = gram_cells::boc::decode_single(bytes).map_err(|e| ConfigError::Boc(e.to_string()))?;
        BlockchainConfig::from_root(root)
    }

    /// The configuration `@ton/sandbox` 0.41.0 uses by default (decoded once).
    pub fn sandbox_default() -> &'static BlockchainConfig {
        static CONFIG: OnceLock<BlockchainConfig> = OnceLock::new();
        CONFIG.get_or_init(|| BlockchainConfig::from_boc(SANDBOX_DEFAULT_CONFIG).expect("embedded config decodes"))
    }

    /// The dictionary root (what `CONFIGROOT` pushes).
    pub fn root(&self) -> &Cell {
        &self.root
    }

    /// The global version (config param 8).
    pub fn global_version(&self) -> u32 {
        self.global_version
    }

    /// Config param `index`, if present.
    pub fn param(&self, index: i32) -> Result<Option<Cell>, ConfigError> {
        let dict = Dictionary::with_root(Some(self.root.clone()), 32)
            .map_err(|e| ConfigError::NotADictionary(e.to_string()))?;
        let key = DictKey::from_int(index as i64, 32).expect("32-bit key");
        dict.get_ref(&key, &mut NoGas).map_err(|e| ConfigError::NotADictionary(e.to_string()))
    }

    /// The same configuration with param 8 saying `version` (capabilities kept),
    /// as `@ton/sandbox`'s `setGlobalVersion` makes it.
    pub fn with_global_version(&self, version: u32) -> Result<BlockchainConfig, ConfigError> {
        if version == self.global_version {
            return Ok(self.clone());
        }
        let param8 = self.param(8)?.ok_or(ConfigError::NoGlobalVersion)?;
        let mut old = CellSlice::new(param8);
        let tag = old.load_u8().map_err(|_| ConfigError::NoGlobalVersion)?;
        old.skip_bits(32).map_err(|_| ConfigError::NoGlobalVersion)?;
        let mut b = CellBuilder::new();
        b.store_u8(tag)
            .and_then(|b| b.store_u32(version))
            .and_then(|b| b.store_slice(&old))
            .map_err(|_| ConfigError::NoGlobalVersion)?;
        let new8 = b.build().map_err(|_| ConfigError::NoGlobalVersion)?;
        self.with_param(8, &new8)
    }

    /// The same configuration with param `index` set to `value` (added or
    /// replaced), as a node would see it after a config change.
    pub fn with_param(&self, index: i32, value: &Cell) -> Result<BlockchainConfig, ConfigError> {
        let mut dict = Dictionary::with_root(Some(self.root.clone()), 32)
            .map_err(|e| ConfigError::NotADictionary(e.to_string()))?;
        let key = DictKey::from_int(index as i64, 32).expect("32-bit key");
        dict.set(&key, gram_cells::dict::DictValue::Ref(value), gram_cells::dict::SetMode::Set, &mut NoGas)
            .map_err(|e| ConfigError::NotADictionary(e.to_string()))?;
        let root = dict.into_root().ok_or(ConfigError::NoGlobalVersion)?;
        BlockchainConfig::from_root(root)
    }

    fn param_slice(&self, index: i32) -> Value {
        match self.param(index) {
            Ok(Some(cell)) => Value::Slice(CellSlice::new(cell)),
            _ => Value::Null,
        }
    }

    /// The storage prices in force at `now` (config param 18): the entry
    /// with the greatest `utime_since <= now`, as a slice of its dictionary value.
    fn storage_prices(&self, now: u32) -> Value {
        let Ok(Some(cell)) = self.param(18) else { return Value::Null };
        let Ok(dict) = Dictionary::with_root(Some(cell), 32) else { return Value::Null };
        let mut found = Value::Null;
        for entry in dict.iter(false, false, &mut NoGas) {
            let Ok((key, value)) = entry else { break };
            let since = key.as_bytes().iter().take(4).fold(0u64, |acc, b| (acc << 8) | *b as u64);
            if (now as u64) < since {
                break;
            }
            found = Value::Slice(value);
        }
        found
    }

    /// The unpacked config tuple (c7 entry 14): storage prices in force at
    /// `now`, then params 19, 20, 21, 24, 25 and 43 as slices (null if absent).
    pub fn unpacked_tuple(&self, now: u32) -> Tuple {
        Rc::new(vec![
            self.storage_prices(now),
            self.param_slice(19),
            self.param_slice(20),
            self.param_slice(21),
            self.param_slice(24),
            self.param_slice(25),
            self.param_slice(43),
        ])
    }

    /// The gas usage config param 45 declares for a precompiled contract with
    /// this code hash (`precompiled_smc#b0 gas_usage:uint64` in the
    /// `precompiled_contracts_config#c0 list:(HashmapE 256 PrecompiledSmc)`).
    pub fn precompiled_gas(&self, code_hash: &HashBytes) -> Option<u64> {
        let cell = self.param(45).ok()??;
        let mut s = CellSlice::new(cell);
        if s.load_u8().ok()? != 0xc0 {
            return None;
        }
        let list = if s.load_bit().ok()? { Some(s.load_reference().ok()?) } else { None };
        let dict = Dictionary::with_root(list, 256).ok()?;
        let key = DictKey::from_bits(code_hash, 256)?;
        let mut value = dict.get(&key, &mut NoGas).ok()??;
        if value.load_u8().ok()? != 0xb0 {
            return None;
        }
        value.load_u64().ok()
    }
}

/// The incoming message parameters (c7 entry 17, global version 11+).
#[derive(Clone, Debug)]
pub struct InMsgParams {
    pub bounce: bool,
    pub bounced: bool,
    /// Source address as a slice.
    pub src: CellSlice,
    pub fwd_fee: Int257,
    pub created_lt: u64,
    pub created_at: u32,
    pub original_value: Int257,
    pub value: Int257,
    pub value_extra: Option<Cell>,
    pub state_init: Option<Cell>,
}

impl InMsgParams {
    /// What a run without an incoming internal message sees: zeros, `addr_none`
    /// as the source, nulls for the extra currencies and the state init.
    pub fn none() -> InMsgParams {
        let addr_none = CellBuilder::new().store_zeros(2).and_then(|b| b.build()).expect("2 bits fit");
        InMsgParams {
            bounce: false,
            bounced: false,
            src: CellSlice::new(addr_none),
            fwd_fee: Int257::ZERO,
            created_lt: 0,
            created_at: 0,
            original_value: Int257::ZERO,
            value: Int257::ZERO,
            value_extra: None,
            state_init: None,
        }
    }

    /// The parameters of an inbound internal message (`prepare_in_msg_params_tuple`).
    /// `value` is what the message brings after the IHR fee is added back: before
    /// version 12 `extra_flags` is that fee, from version 12 it is flags and adds nothing.
    pub fn internal(info: &IntMsgInfo, state_init: Option<Cell>, version: u32) -> Result<InMsgParams, C7Error> {
        let ihr_fee = if version >= 12 { 0 } else { info.extra_flags.0 };
        let value = info.value.grams.0.checked_add(ihr_fee).ok_or(C7Error::ValueOverflow)?;
        Ok(InMsgParams {
            bounce: info.bounce,
            bounced: info.bounced,
            src: CellSlice::new(info.src.to_cell()?),
            fwd_fee: Int257::from_u128(info.fwd_fee.0),
            created_lt: info.created_lt,
            created_at: info.created_at,
            original_value: Int257::from_u128(info.value.grams.0),
            value: Int257::from_u128(value),
            value_extra: info.value.other.root().cloned(),
            state_init,
        })
    }

    fn to_tuple(&self) -> Tuple {
        Rc::new(vec![
            Value::bool(self.bounce),
            Value::bool(self.bounced),
            Value::Slice(self.src.clone()),
            Value::Int(self.fwd_fee),
            Value::Int(Int257::from_u64(self.created_lt)),
            Value::Int(Int257::from_u64(self.created_at as u64)),
            Value::Int(self.original_value),
            Value::Int(self.value),
            maybe_cell(&self.value_extra),
            maybe_cell(&self.state_init),
        ])
    }
}

/// A transaction c7 that cannot be built.
#[derive(Debug, Error)]
pub enum C7Error {
    /// An outbound external message cannot start a transaction.
    #[error("c7: an outbound message does not start a transaction")]
    OutboundMessage,
    /// The message value plus the IHR fee does not fit in `Grams`.
    #[error("c7: the message value overflows")]
    ValueOverflow,
    /// A part of the message could not be serialized again.
    #[error("c7: {0}")]
    Tlb(#[from] TlbError),
}

/// The block-level inputs of a transaction's c7.
#[derive(Clone, Debug)]
pub struct TxEnv {
    /// Unix time of the block.
    pub now: u32,
    /// The block's logical time (c7 `BLOCKLT`).
    pub block_lt: u64,
    /// The logical time the transaction starts at before its inbound message is
    /// seen (an internal message created at or after it moves it on).
    pub lt: u64,
    /// The block's random seed (each account gets a seed derived from it).
    pub block_rand_seed: [u8; 32],
    /// The configuration in force.
    pub config: BlockchainConfig,
    /// Previous blocks info (c7 entry 13); the emulator has none unless given.
    pub prev_blocks_info: Option<Value>,
}

impl TxEnv {
    /// The inputs as the emulator sets them for a transaction at logical time
    /// `lt`: the block lt is `lt` rounded down to [`BLOCK_LT_ALIGN`].
    pub fn emulator(now: u32, lt: u64, block_rand_seed: [u8; 32], config: BlockchainConfig) -> TxEnv {
        TxEnv { now, block_lt: lt - lt % BLOCK_LT_ALIGN, lt, block_rand_seed, config, prev_blocks_info: None }
    }
}

/// The account as the compute phase finds it.
#[derive(Clone, Debug)]
pub struct TxAccount {
    /// The account's address as stored (anycast included).
    pub address: StdAddr,
    /// The code the compute phase runs (the state init's for a deployment).
    pub code: Option<Cell>,
    /// The balance after the storage and credit phases (and after an external
    /// message's import fee). An inbound message without bounce brings at
    /// most this much (its storage phase came after the credit).
    pub balance: CurrencyCollection,
    /// Storage fees the storage phase collected.
    pub storage_fees: u128,
    /// What the account still owes after the storage phase.
    pub due_payment: u128,
    /// The account was active or frozen when the transaction started (false for
    /// an uninit or missing account, deployed or not). Only the random seed of
    /// versions before 8 depends on it.
    pub initialized: bool,
}

/// What starts a transaction.
#[derive(Clone, Copy, Debug)]
pub enum TxTrigger<'a> {
    /// An ordinary transaction: an inbound internal or external message.
    Message(&'a Message),
    /// A tick transaction of a special account.
    Tick,
    /// A tock transaction of a special account.
    Tock,
}

/// The account's address with the anycast rewrite applied: the first `depth`
/// bits of the address replaced by the rewrite prefix.
fn rewritten_address(addr: &StdAddr) -> [u8; 32] {
    let mut bytes = addr.address;
    if let Some(anycast) = addr.anycast {
        let depth = anycast.depth() as usize;
        for i in 0..depth {
            let mask = 0x80u8 >> (i % 8);
            if (anycast.prefix() >> (depth - 1 - i)) & 1 == 1 {
                bytes[i / 8] |= mask;
            } else {
                bytes[i / 8] &= !mask;
            }
        }
    }
    bytes
}

/// The address without anycast (`my_addr_exact`), as c7 holds it from version 10.
fn exact_address(addr: &StdAddr) -> StdAddr {
    StdAddr::new(addr.workchain, rewritten_address(addr))
}

/// The account's random seed (`Transaction::prepare_rand_seed`): SHA-256 of
/// the block's seed and 256 bits about the account. From version 8 those are
/// the (rewritten) address. Before, the emulator of `@ton/sandbox` 0.41.0
/// copies 256 bits starting at the account's 32-bit `addr_rewrite` field, and
/// so reads on into the fields after it: `addr_rewrite` (the address's first
/// 32 bits), the "rewrite length set" flag and the rewrite length (the anycast
/// depth; both 0 for an account that was uninit or missing, whose rewrite
/// info is forgotten), then the first 26 bytes of the address. (Later node
/// versions copy 32 bits of `addr_rewrite` and then the address; the
/// reference here is the sandbox's build.)
fn account_rand_seed(block_seed: &[u8; 32], account: &TxAccount, version: u32) -> [u8; 32] {
    let address = rewritten_address(&account.address);
    let mut hasher = Sha256::new();
    hasher.update(block_seed);
    if version >= 8 {
        hasher.update(address);
    } else {
        let rewrite_info = match account.initialized {
            true => [1, account.address.anycast.map_or(0, |a| a.depth())],
            false => [0, 0],
        };
        hasher.update(&address[..4]);
        hasher.update(rewrite_info);
        hasher.update(&address[..26]);
    }
    hasher.finalize().into()
}

fn maybe_cell(c: &Option<Cell>) -> Value {
    c.clone().map_or(Value::Null, Value::Cell)
}

fn currency(grams: Int257, extra: &Option<Cell>) -> Value {
    Value::Tuple(Rc::new(vec![Value::Int(grams), maybe_cell(extra)]))
}

/// Everything the `SmartContractInfo` tuple is built from.
#[derive(Clone, Debug)]
pub struct C7Params {
    pub now: u32,
    pub block_lt: u64,
    pub trans_lt: u64,
    /// The random seed, big-endian.
    pub rand_seed: [u8; 32],
    /// Balance in nanotons.
    pub balance: Int257,
    /// Extra currencies of the balance (`ExtraCurrencyCollection` root).
    pub balance_extra: Option<Cell>,
    /// The contract's own address.
    pub address: StdAddr,
    /// Global configuration; also decides the global version (and so which entries exist).
    pub config: Option<BlockchainConfig>,
    /// The contract's code (entry 10; also the key of the precompiled gas lookup).
    pub code: Option<Cell>,
    pub incoming_value: Int257,
    pub incoming_extra: Option<Cell>,
    pub storage_fees: Int257,
    /// Previous blocks info (null for get-methods and the emulator).
    pub prev_blocks_info: Option<Value>,
    pub due_payment: Int257,
    /// Incoming message parameters; `None` means no internal message ([`InMsgParams::none`]).
    pub in_msg: Option<InMsgParams>,
    /// Whether entry 16 looks the code up in the precompiled contracts (config
    /// param 45). The reference does it for get-methods and ordinary
    /// transactions, not for tick / tock ones (whose entry 16 is null).
    pub precompiled_lookup: bool,
}

impl C7Params {
    /// The defaults of the emulator's get-method call: time 0, zero balance,
    /// address `0:00..00`, zero seed, no incoming message.
    pub fn get_method(code: Option<Cell>, config: Option<BlockchainConfig>) -> C7Params {
        C7Params {
            now: 0,
            block_lt: 0,
            trans_lt: 0,
            rand_seed: [0; 32],
            balance: Int257::ZERO,
            balance_extra: None,
            address: StdAddr::new(0, [0; 32]),
            config,
            code,
            incoming_value: Int257::ZERO,
            incoming_extra: None,
            storage_fees: Int257::ZERO,
            prev_blocks_info: None,
            due_payment: Int257::ZERO,
            in_msg: None,
            precompiled_lookup: true,
        }
    }

    /// The c7 of a transaction's compute phase, as `Transaction::prepare_vm_c7`
    /// builds it: the random seed derived from the block's seed and the
    /// account, the transaction's logical time moved past the inbound
    /// message's `created_lt`, the incoming value and message parameters taken
    /// from the message (an external message carries none, tick / tock has no
    /// message), and the address without its anycast prefix from version 10.
    pub fn transaction(env: &TxEnv, account: &TxAccount, trigger: TxTrigger<'_>) -> Result<C7Params, C7Error> {
        let version = env.config.global_version();
        let mut p = C7Params::get_method(account.code.clone(), Some(env.config.clone()));
        p.now = env.now;
        p.block_lt = env.block_lt;
        p.trans_lt = env.lt;
        p.rand_seed = account_rand_seed(&env.block_rand_seed, account, version);
        p.balance = Int257::from_u128(account.balance.grams.0);
        p.balance_extra = account.balance.other.root().cloned();
        p.address = if version >= 10 { exact_address(&account.address) } else { account.address.clone() };
        p.storage_fees = Int257::from_u128(account.storage_fees);
        p.prev_blocks_info = env.prev_blocks_info.clone();
        p.due_payment = Int257::from_u128(account.due_payment);
        match trigger {
            TxTrigger::Tick | TxTrigger::Tock => p.precompiled_lookup = false,
            TxTrigger::Message(msg) => {
                // Inline or behind a ref, the reference hands over the StateInit as a cell of its own.
                let state_init = msg.init.as_ref().map(|init| init.state_init.to_cell()).transpose()?;
                match &msg.info {
                    CommonMsgInfo::Int(info) => {
                        p.trans_lt = p.trans_lt.max(info.created_lt.saturating_add(1));
                        let mut in_msg = InMsgParams::internal(info, state_init, version)?;
                        // Without bounce the credit phase comes first, and the storage phase
                        // after it cuts the message's value down to the balance it leaves.
                        let balance = Int257::from_u128(account.balance.grams.0);
                        if !info.bounce && in_msg.value > balance {
                            in_msg.value = balance;
                        }
                        p.incoming_value = in_msg.value;
                        p.incoming_extra = in_msg.value_extra.clone();
                        p.in_msg = Some(in_msg);
                    }
                    CommonMsgInfo::ExtIn(info) => {
                        let mut in_msg = InMsgParams::none();
                        in_msg.src = CellSlice::new(info.src.to_cell()?);
                        in_msg.state_init = state_init;
                        p.in_msg = Some(in_msg);
                    }
                    CommonMsgInfo::ExtOut(_) => return Err(C7Error::OutboundMessage),
                }
            }
        }
        Ok(p)
    }

    /// The global version the layout follows: the config's, or the supported one.
    pub fn global_version(&self) -> u32 {
        self.config.as_ref().map_or(SUPPORTED_VERSION, BlockchainConfig::global_version)
    }

    /// The address as the slice c7 holds (`addr_std$10`, anycast as given).
    pub fn address_slice(&self) -> CellSlice {
        let mut b = CellBuilder::new();
        self.address.store(&mut b).expect("an address fits in a cell");
        CellSlice::new(b.build().expect("an address fits in a cell"))
    }

    /// The `SmartContractInfo` tuple alone.
    pub fn info_tuple(&self) -> Tuple {
        let version = self.global_version();
        let mut t = vec![
            Value::int(C7_MAGIC),
            Value::int(0),
            Value::int(0),
            Value::Int(Int257::from_u64(self.now as u64)),
            Value::Int(Int257::from_u64(self.block_lt)),
            Value::Int(Int257::from_u64(self.trans_lt)),
            Value::Int(Int257::from_u256_be(&self.rand_seed)),
            currency(self.balance, &self.balance_extra),
            Value::Slice(self.address_slice()),
            maybe_cell(&self.config.as_ref().map(|c| c.root().clone())),
        ];
        if version >= 4 {
            t.push(maybe_cell(&self.code));
            t.push(currency(self.incoming_value, &self.incoming_extra));
            t.push(Value::Int(self.storage_fees));
            t.push(self.prev_blocks_info.clone().unwrap_or(Value::Null));
        }
        if version >= 6 {
            t.push(self.config.as_ref().map_or(Value::Null, |c| Value::Tuple(c.unpacked_tuple(self.now))));
            t.push(Value::Int(self.due_payment));
            let precompiled = match (&self.code, &self.config) {
                (Some(code), Some(config)) if self.precompiled_lookup => config.precompiled_gas(code.hash()),
                _ => None,
            };
            t.push(precompiled.map_or(Value::Null, |g| Value::Int(Int257::from_u64(g))));
        }
        if version >= 11 {
            let none;
            let in_msg = match &self.in_msg {
                Some(m) => m,
                None => {
                    none = InMsgParams::none();
                    &none
                }
            };
            t.push(Value::Tuple(in_msg.to_tuple()));
        }
        Rc::new(t)
    }

    /// The c7 register: a tuple holding the `SmartContractInfo` tuple.
    pub fn build(&self) -> Tuple {
        Rc::new(vec![Value::Tuple(self.info_tuple())])
    }
}

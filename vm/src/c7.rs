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

use std::rc::Rc;
use std::sync::OnceLock;

use gram_cells::dict::{DictKey, Dictionary, NoGas};
use gram_cells::tlb::{StdAddr, Store};
use gram_cells::{Cell, CellBuilder, CellSlice, HashBytes};
use thiserror::Error;

use crate::int257::Int257;
use crate::value::{Tuple, Value};

/// The `SmartContractInfo` magic number (entry 0).
pub const C7_MAGIC: i64 = 0x076e_f1ea;

/// The global version assumed when no configuration is given.
pub const SUPPORTED_VERSION: u32 = crate::DEFAULT_GLOBAL_VERSION;

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
        let mut dict = Dictionary::with_root(Some(self.root.clone()), 32)
            .map_err(|e| ConfigError::NotADictionary(e.to_string()))?;
        let key = DictKey::from_int(8, 32).expect("32-bit key");
        dict.set(&key, gram_cells::dict::DictValue::Ref(&new8), gram_cells::dict::SetMode::Set, &mut NoGas)
            .map_err(|e| ConfigError::NotADictionary(e.to_string()))?;
        let root = dict.into_root().ok_or(ConfigError::NoGlobalVersion)?;
        Ok(BlockchainConfig { root, global_version: version })
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
        }
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
                (Some(code), Some(config)) => config.precompiled_gas(code.hash()),
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

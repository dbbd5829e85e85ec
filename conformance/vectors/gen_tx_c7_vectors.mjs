#!/usr/bin/env node
// Generates tx_c7_vectors.json: the c7 register the reference builds for a
// transaction (Transaction::prepare_vm_c7 in crypto/block/transaction.cpp),
// captured bit for bit from real transactions run by the emulator inside
// @ton/sandbox (its Executor: runTransaction / runTickTock, the same calls
// @ton/sandbox's Blockchain makes).
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_tx_c7_vectors.mjs [--check]
//
// The account runs a small FunC contract (CAPTURE_FC below, compiled with
// func-js) that walks c7 and stores an encoding of it in c4:
//
//   null     -> cell{ 000 }
//   integer  -> cell{ 001, int257 }
//   cell     -> cell{ 010 } with the cell as its ref
//   slice    -> cell{ 011 } with a ref to a cell holding the slice's bits and refs
//   builder  -> cell{ 100 } with a ref to a cell holding the builder's bits and refs
//   tuple    -> cell{ 101, uint8 length } with a ref to the item list, where
//               list() = empty cell, list(x, rest..) = cell with refs [enc(x), list(rest..)]
//   other    -> cell{ 110 }
//
// c4 then holds the hash of enc(c7) and, behind a ref, a chain of the hashes
// of the encodings of the SmartContractInfo entries (entry 0 first):
//
//   c4 = cell{ uint256 hash(enc(c7)) } -> cell{ uint256 hash(enc(entry 0)) } -> ... -> empty cell
//
// (hashes rather than the encoding itself: c7 holds the whole config, more
// than a masterchain account may store). The hashes pin every entry
// exactly, cell hashes included. Each vector
// records what an executor knows when its compute phase starts (time, logical
// time, block random seed, account address, status and code, balance after the
// storage and credit phases, storage fees collected, due payment, previous
// blocks info, the inbound message) and the reference's c4. The balance at
// the compute phase is taken from the transaction record (final balance plus
// the compute phase's gas fees; the contract sends nothing), the storage
// fees and due payment from its storage phase. With --check nothing is
// written: the file is compared with a fresh run (exit 1 on any difference).
// expected.gas_used is the compute phase's gas (for a precompiled contract,
// the gas param 45 declares).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oracleRequire, cellToBoc, core } from './lib/oracle.mjs';
import { finish, referenceInfo } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'tx_c7_vectors.json');
const { Executor } = oracleRequire('@ton/sandbox/dist/executor/Executor.js');
const { defaultConfig } = oracleRequire('@ton/sandbox/dist/config/defaultConfig.js');
const { setGlobalVersion } = oracleRequire('@ton/sandbox/dist/utils/config.js');
const { compileFunc } = oracleRequire('@ton-community/func-js');
const { beginCell, Cell, Address, ExternalAddress, Dictionary, storeMessage, storeShardAccount, loadShardAccount } = core;
const { loadTransaction, storeStateInit, contractAddress } = core;

const CAPTURE_FC = `
;; Stores an encoding of the whole c7 register in c4 (format: gen_tx_c7_vectors.mjs).
tuple get_c7() asm "c7 PUSH";
int is_null(tuple x) asm "ISNULL";
int is_tuple(tuple x) asm "ISTUPLE";
int tlen(tuple t) asm "TLEN";
tuple item(tuple t, int i) asm "INDEXVAR";
int as_int(tuple x) asm "NOP";
cell as_cell(tuple x) asm "NOP";
slice as_slice(tuple x) asm "NOP";
builder as_builder(tuple x) asm "NOP";
() check_int(tuple x) impure asm "ISZERO DROP";
() check_cell(tuple x) impure asm "CDEPTH DROP";
() check_slice(tuple x) impure asm "SBITS DROP";
() check_builder(tuple x) impure asm "BBITS DROP";
builder begin_cell() asm "NEWC";
cell end_cell(builder b) asm "ENDC";
builder store_ref(builder b, cell c) asm(c b) "STREF";
builder store_slice(builder b, slice s) asm "STSLICER";
builder store_builder(builder to, builder from) asm "STBR";
() set_data(cell c) impure asm "c4 POP";
() accept_message() impure asm "ACCEPT";
slice begin_parse(cell c) asm "CTOS";
cell preload_ref(slice s) asm "PLDREF";
cell preload_ref_index(slice s, int i) asm "PLDREFVAR";
int slice_refs(slice s) asm "SREFS";
int cell_hash(cell c) asm "HASHCU";
tuple empty_tuple() asm "NIL";
(tuple, ()) ~tpush(tuple t, int v) asm "TPUSH";

;; 0 null, 1 int, 2 cell, 3 slice, 4 builder, 5 tuple, 6 anything else
int kind(tuple x) {
  if (is_null(x)) { return 0; }
  if (is_tuple(x)) { return 5; }
  int k = 6;
  try { check_int(x); k = 1; } catch (_, _) { }
  try { check_cell(x); k = 2; } catch (_, _) { }
  try { check_slice(x); k = 3; } catch (_, _) { }
  try { check_builder(x); k = 4; } catch (_, _) { }
  return k;
}

cell enc(tuple x) {
  int k = kind(x);
  builder b = begin_cell().store_uint(k, 3);
  if (k == 1) { b = b.store_int(as_int(x), 257); }
  if (k == 2) { b = b.store_ref(as_cell(x)); }
  if (k == 3) { b = b.store_ref(begin_cell().store_slice(as_slice(x)).end_cell()); }
  if (k == 4) { b = b.store_ref(begin_cell().store_builder(as_builder(x)).end_cell()); }
  if (k == 5) {
    int n = tlen(x);
    cell list = begin_cell().end_cell();
    int i = n;
    while (i > 0) {
      i -= 1;
      list = begin_cell().store_ref(enc(item(x, i))).store_ref(list).end_cell();
    }
    b = b.store_uint(n, 8).store_ref(list);
  }
  return b.end_cell();
}

;; c4 = cell{ hash(enc(c7)) } with a ref to the chain of the hashes of the
;; encodings of the SmartContractInfo entries: cell{ hash(enc(entry 0)) } -> ... -> empty cell
() capture() impure inline {
  cell whole = enc(get_c7());
  slice node = whole.begin_parse().preload_ref().begin_parse().preload_ref().begin_parse().preload_ref().begin_parse();
  tuple hashes = empty_tuple();
  while (slice_refs(node) == 2) {
    hashes~tpush(cell_hash(node.preload_ref()));
    node = node.preload_ref_index(1).begin_parse();
  }
  cell chain = begin_cell().end_cell();
  int i = tlen(hashes);
  while (i > 0) {
    i -= 1;
    chain = begin_cell().store_uint(as_int(item(hashes, i)), 256).store_ref(chain).end_cell();
  }
  set_data(begin_cell().store_uint(cell_hash(whole), 256).store_ref(chain).end_cell());
}

() recv_internal() impure {
  accept_message();
  capture();
}

() recv_external() impure {
  accept_message();
  capture();
}

() run_ticktock() impure {
  capture();
}
`;

async function compileCapture() {
    const r = await compileFunc({ targets: ['capture.fc'], sources: { 'capture.fc': CAPTURE_FC } });
    if (r.status !== 'ok') throw new Error(`FunC: ${r.message}`);
    return Cell.fromBase64(r.codeBoc);
}

const TON = 1_000_000_000n;
const NOW = 1_750_000_000;
const SEED = Buffer.from('5eed'.repeat(16), 'hex');
const OTHER_SEED = Buffer.from('0123456789abcdef'.repeat(4), 'hex');
const SENDER = Address.parse('0:' + 'aa'.repeat(32));
const MC_SENDER = Address.parse('-1:' + '55'.repeat(32));
const ME = Address.parse('0:' + 'c7'.repeat(32));
const MC_ME = Address.parse('-1:' + '3c'.repeat(32));

/** Extra currencies {id: amount} as the dictionary @ton/core stores. */
function extra(entries) {
    const d = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.BigVarUint(5));
    for (const [id, amount] of Object.entries(entries)) d.set(Number(id), BigInt(amount));
    return d;
}

/** An active (or uninit, with no code) account as a ShardAccount cell. */
function shardAccount({ address, balance, other, code, data, special, used = [0n, 0n], lastPaid = 0, due = null }) {
    const state = code
        ? { type: 'active', state: { code, data: data ?? beginCell().endCell(), special } }
        : { type: 'uninit' };
    const account = {
        addr: address,
        storage: { lastTransLt: 0n, balance: { coins: balance, other }, state },
        storageStats: { used: { cells: used[0], bits: used[1] }, lastPaid, duePayment: due, storageExtra: null },
    };
    return beginCell()
        .store(storeShardAccount({ account, lastTransactionLt: 0n, lastTransactionHash: 0n }))
        .endCell();
}

/** An internal message to `to`. */
function internalMsg({ to, from = SENDER, value = TON, other, bounce = true, bounced = false, init, createdLt = 1000n, extraFlags = 0n }) {
    const body = beginCell().storeUint(0x1234, 32).endCell();
    return beginCell()
        .store(
            storeMessage({
                info: {
                    type: 'internal',
                    ihrDisabled: true,
                    bounce,
                    bounced,
                    src: from,
                    dest: to,
                    value: { coins: value, other },
                    ihrFee: extraFlags, // extra_flags since version 12
                    forwardFee: 1_234_567n,
                    createdLt,
                    createdAt: NOW - 5,
                },
                init,
                body,
            }),
        )
        .endCell();
}

/** An external inbound message to `to`. */
function externalMsg({ to, from = null, init }) {
    return beginCell()
        .store(storeMessage({ info: { type: 'external-in', src: from, dest: to, importFee: 0n }, init, body: beginCell().endCell() }))
        .endCell();
}

/** A message with the state init behind a ref (@ton/core inlines it when it fits). */
function withInitInRef(msgCell) {
    const s = msgCell.beginParse();
    const msg = core.loadMessage(s);
    const b = beginCell().store(core.storeCommonMessageInfo(msg.info));
    b.storeBit(1).storeBit(1).storeRef(beginCell().store(storeStateInit(msg.init)).endCell());
    b.storeBit(1).storeRef(msg.body);
    return b.endCell();
}

const BLOCK_ID = (seqno, b) => ({ workchain: -1, shard: -(1n << 63n), seqno, rootHash: Buffer.alloc(32, b), fileHash: Buffer.alloc(32, b + 1) });
const PREV_BLOCKS = { lastMcBlocks: [BLOCK_ID(100, 1), BLOCK_ID(99, 3)], prevKeyBlock: BLOCK_ID(90, 5), lastMcBlocks100: [BLOCK_ID(0, 7)] };

/** PrevBlocksInfo as nested arrays of decimal strings (the c7 tuple, BlockId = [wc, shard, seqno, root_hash, file_hash]). */
function prevBlocksJson(p) {
    const id = (b) => [b.workchain, b.shard, b.seqno, BigInt('0x' + b.rootHash.toString('hex')), BigInt('0x' + b.fileHash.toString('hex'))].map(String);
    const t = [p.lastMcBlocks.map(id), id(p.prevKeyBlock)];
    if (p.lastMcBlocks100) t.push(p.lastMcBlocks100.map(id));
    return t;
}

function cases(code) {
    const deployInit = { code, data: beginCell().storeUint(7, 8).endCell() };
    const deployAddr = contractAddress(0, deployInit);
    // Masterchain gas costs 25 times more: the capture needs a larger balance there.
    const mcTickTock = { address: MC_ME, balance: 20n * TON, code, special: { tick: true, tock: true }, used: [1n, 100n], lastPaid: NOW - 100 };
    const active = (extraFields = {}) => ({ address: ME, balance: 5n * TON, code, ...extraFields });
    return [
        { name: 'internal_bounce', desc: 'internal message with bounce set from a basechain sender', account: active(), msg: internalMsg({ to: ME }) },
        {
            name: 'internal_no_bounce_created_lt_above',
            desc: 'bounce off, created_lt above the given lt: the transaction lt moves past it (credit phase first)',
            account: active(),
            msg: internalMsg({ to: ME, bounce: false, value: 300_000_000n, createdLt: 7_654_321n }),
        },
        {
            name: 'internal_from_masterchain',
            desc: 'internal message from a masterchain sender',
            account: active(),
            msg: internalMsg({ to: ME, from: MC_SENDER, value: 2n * TON }),
        },
        {
            name: 'internal_bounced',
            desc: 'a bounced message (bounced set, bounce clear)',
            account: active(),
            msg: internalMsg({ to: ME, bounce: false, bounced: true, value: 123_456_789n }),
        },
        {
            name: 'internal_extra_currencies',
            desc: 'message value and account balance with extra currencies',
            account: active({ other: extra({ 7: 1000n, 100: 5n }) }),
            msg: internalMsg({ to: ME, other: extra({ 7: 11n, 239: 4444n }) }),
        },
        {
            name: 'internal_deploy_inline_state_init',
            desc: 'deploys an uninit account from an inline StateInit in the message',
            account: { address: deployAddr, balance: 0n },
            msg: internalMsg({ to: deployAddr, init: deployInit }),
        },
        {
            name: 'internal_deploy_state_init_in_ref',
            desc: 'deploys an uninit account from a StateInit behind a ref, bounce off',
            account: { address: deployAddr, balance: 10_000_000n },
            msg: withInitInRef(internalMsg({ to: deployAddr, init: deployInit, bounce: false })),
        },
        {
            name: 'internal_state_init_on_active',
            desc: 'a StateInit sent to an already active account (ignored, but in the message parameters)',
            account: { address: deployAddr, balance: TON, code: deployInit.code, data: deployInit.data },
            msg: internalMsg({ to: deployAddr, init: deployInit }),
        },
        { name: 'external_in', desc: 'external inbound message from addr_none (import fee taken from the balance)', account: active(), msg: externalMsg({ to: ME }) },
        {
            name: 'external_in_from_extern',
            desc: 'external inbound message from an addr_extern source',
            account: active(),
            msg: externalMsg({ to: ME, from: new ExternalAddress(0xabcdefn, 24) }),
        },
        {
            name: 'external_deploy',
            desc: 'external message deploying an uninit account with a StateInit',
            account: { address: deployAddr, balance: TON },
            msg: externalMsg({ to: deployAddr, init: deployInit }),
        },
        {
            name: 'storage_fees',
            desc: 'storage fees charged: 100 cells, 50000 bits unpaid for 10^7 seconds',
            account: active({ used: [100n, 50_000n], lastPaid: NOW - 10_000_000 }),
            msg: internalMsg({ to: ME }),
        },
        {
            name: 'storage_due_payment',
            desc: 'a balance too small for the storage fees: balance taken, the rest owed as due payment (bounce set: storage before credit)',
            account: active({ balance: 1_000_000n, used: [100n, 50_000n], lastPaid: NOW - 10_000_000 }),
            msg: internalMsg({ to: ME, value: TON }),
        },
        {
            name: 'storage_old_due_payment_no_bounce',
            desc: 'an account already owing a due payment, credit phase first (bounce off)',
            account: active({ balance: 2_000_000n, used: [10n, 5_000n], lastPaid: NOW - 1000, due: 7_000_000n }),
            msg: internalMsg({ to: ME, value: TON, bounce: false }),
        },
        {
            name: 'masterchain_account',
            desc: 'internal message to a masterchain account',
            account: { address: MC_ME, balance: 20n * TON, code, used: [1n, 100n], lastPaid: NOW - 100 },
            msg: internalMsg({ to: MC_ME, from: MC_SENDER }),
        },
        { name: 'tick', desc: 'tick transaction of a masterchain tick-tock account', account: mcTickTock, tick: 'tick' },
        { name: 'tock', desc: 'tock transaction of a masterchain tick-tock account', account: mcTickTock, tick: 'tock' },
        {
            name: 'prev_blocks_info',
            desc: 'previous blocks info given to the emulator (c7 entry 13)',
            account: active(),
            msg: internalMsg({ to: ME }),
            prevBlocks: PREV_BLOCKS,
        },
        {
            name: 'other_seed_and_lt',
            desc: 'another block random seed, time and a logical time not aligned to a block',
            account: active(),
            msg: internalMsg({ to: ME }),
            now: NOW + 12345,
            lt: 123_456_789n,
            seed: OTHER_SEED,
        },
        {
            name: 'global_version_11',
            desc: 'global version 11: the layout of version 12, extra_flags read as ihr_fee',
            account: active(),
            msg: internalMsg({ to: ME }),
            globalVersion: 11,
        },
        {
            name: 'global_version_11_ihr_fee',
            desc: 'global version 11: the ihr_fee field (not delivered by IHR) is added to the incoming value',
            account: active(),
            msg: internalMsg({ to: ME, extraFlags: 5000n }),
            globalVersion: 11,
        },
        {
            name: 'extra_flags_bounce_format',
            desc: 'global version 12: extra_flags 3 (the new bounce format bits) add nothing to the incoming value',
            account: active(),
            msg: internalMsg({ to: ME, extraFlags: 3n }),
        },
        {
            name: 'global_version_9',
            desc: 'global version 9: no incoming message parameters (17 entries), anycast still allowed',
            account: active(),
            msg: internalMsg({ to: ME }),
            globalVersion: 9,
        },
        {
            name: 'precompiled_gas',
            desc: 'config param 45 lists the code as precompiled (no implementation: the VM runs, c7 entry 16 holds the gas usage)',
            account: active(),
            msg: internalMsg({ to: ME }),
            precompiledGas: 12345n,
        },
        {
            name: 'precompiled_gas_tick',
            desc: 'the same for a tick transaction: the reference looks precompiled contracts up for ordinary transactions only',
            account: mcTickTock,
            tick: 'tick',
            precompiledGas: 12345n,
        },
        {
            name: 'global_version_7_deploy',
            desc: 'global version 7: deploying an uninit account (random seed rule of versions before 8)',
            account: { address: deployAddr, balance: 0n },
            msg: internalMsg({ to: deployAddr, init: deployInit }),
            globalVersion: 7,
        },
        {
            name: 'global_version_7',
            desc: 'global version 7: the random seed from the address rewrite rule of versions before 8',
            account: active(),
            msg: internalMsg({ to: ME }),
            globalVersion: 7,
        },
    ];
}

/** Config param 45 declaring `code` a precompiled contract using `gas` gas:
 * precompiled_contracts_config#c0 list:(HashmapE 256 PrecompiledSmc), precompiled_smc#b0 gas_usage:uint64. */
function precompiledParam(code, gas) {
    const smc = { serialize: (g, b) => b.storeUint(0xb0, 8).storeUint(g, 64), parse: (s) => (s.skip(8), s.loadUintBig(64)) };
    const list = Dictionary.empty(Dictionary.Keys.Buffer(32), smc);
    list.set(code.hash(), gas);
    return beginCell().storeUint(0xc0, 8).storeDict(list).endCell();
}

/** The config with param `index` set to `value`. */
function withParam(configCell, index, value) {
    const params = Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(), configCell);
    params.set(index, value);
    return beginCell().storeDictDirect(params).endCell();
}

const hex = (buf) => Buffer.from(buf).toString('hex');
const addrText = (a) => `${a.workChain}:${hex(a.hash)}`;
const maybeBoc = (c) => (c ? cellToBoc(c) : null);

/** The extra currency dictionary of a CurrencyCollection as a cell, or null. */
function otherCell(other) {
    if (!other || other.size === 0) return null;
    return beginCell().storeDictDirect(other).endCell();
}

async function run(executor, code, c) {
    const lt = c.lt ?? 5_000_000n;
    const now = c.now ?? NOW;
    const seed = c.seed ?? SEED;
    let configCell = Cell.fromBase64(defaultConfig);
    if (c.globalVersion !== undefined) configCell = setGlobalVersion(configCell, c.globalVersion);
    const param45 = c.precompiledGas !== undefined ? precompiledParam(code, c.precompiledGas) : undefined;
    if (param45) configCell = withParam(configCell, 45, param45);
    const account = shardAccount(c.account);
    const args = {
        config: configCell.toBoc().toString('base64'),
        libs: null,
        verbosity: 'short',
        shardAccount: account.toBoc().toString('base64'),
        now,
        lt,
        randomSeed: seed,
        ignoreChksig: false,
        debugEnabled: false,
        prevBlocksInfo: c.prevBlocks,
    };
    const res = c.tick ? await executor.runTickTock({ ...args, which: c.tick }) : await executor.runTransaction({ ...args, message: c.msg });
    if (!res.result.success) throw new Error(`${c.name}: emulation failed: ${res.result.error}`);
    const tx = loadTransaction(Cell.fromBase64(res.result.transaction).beginParse());
    const d = tx.description;
    const cp = d.computePhase;
    if (cp.type !== 'vm' || !cp.success || cp.exitCode !== 0) throw new Error(`${c.name}: compute phase ${JSON.stringify(cp, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    if (d.actionPhase && !d.actionPhase.success) throw new Error(`${c.name}: action phase failed, result code ${d.actionPhase.resultCode}`);
    const after = loadShardAccount(Cell.fromBase64(res.result.shardAccount).beginParse()).account;
    const st = after.storage.state;
    if (st.type !== 'active') throw new Error(`${c.name}: account not active after the transaction`);
    const sp = d.storagePhase;
    const entry = {
        name: c.name,
        description: c.desc,
        global_version: c.globalVersion ?? 12,
        kind: c.tick ?? 'ordinary',
        now,
        lt: lt.toString(),
        block_rand_seed: hex(seed),
        prev_blocks_info: c.prevBlocks ? prevBlocksJson(c.prevBlocks) : null,
        config_param_45: param45 ? cellToBoc(param45) : null,
        address: addrText(c.account.address),
        status_before: c.account.code ? 'active' : 'uninit',
        code: cellToBoc(st.state.code),
        balance: (after.storage.balance.coins + cp.gasFees).toString(),
        balance_extra: maybeBoc(otherCell(after.storage.balance.other)),
        storage_fees: (sp?.storageFeesCollected ?? 0n).toString(),
        due_payment: (sp?.storageFeesDue ?? 0n).toString(),
        in_msg: c.msg ? cellToBoc(c.msg) : null,
        expected: { c4: cellToBoc(st.state.data), c4_hash: hex(st.state.data.hash()), trans_lt: tx.lt.toString(), gas_used: cp.gasUsed.toString() },
    };
    if (!c.account.code && !st.state.code.equals(code)) throw new Error(`${c.name}: the deployed code is not the capture contract`);
    return entry;
}

// A fresh emulator for every case: the sandbox's Executor keeps previous
// blocks info set by an earlier call when a later one gives none.
const code = await compileCapture();
const vectors = [];
let version;
for (const c of cases(code)) {
    const executor = await Executor.create();
    version = executor.getVersion();
    vectors.push(await run(executor, code, c));
}
const doc = {
    format: 'tx-c7-vectors/1',
    description:
        'c7 of real transactions on the reference emulator, encoded by a capture contract into c4 (encoding: see the generator header)',
    generator: path.basename(fileURLToPath(import.meta.url)),
    reference: referenceInfo(version),
    capture_code: cellToBoc(code),
    config_hash: hex(Cell.fromBase64(defaultConfig).hash()),
    count: vectors.length,
    vectors,
};
finish(OUT, JSON.stringify(doc, null, 1) + '\n', vectors.length);

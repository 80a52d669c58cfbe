// The goal prints the orders, writes every format, and the Mermaid files parse with Mermaid's own parser.
def log = new File(basedir, 'build.log').readLines()
def info = log.findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
assert info.contains('Schema graph of 4 migrations (postgresql): 5 tables, 5 foreign keys, 0 cycles') : log.join('\n')
assert info.contains('Creation order: categories, clients, addresses, orders, OrderLines') : log.join('\n')
assert info.contains('Drop order: OrderLines, orders, addresses, clients, categories') : log.join('\n')
assert info.contains('Cycles: none') : log.join('\n')
def out = new File(basedir, 'target/migration')
['schema.mmd', 'migrations.mmd', 'schema.dot', 'graph.json', 'schema.svg', 'graph.html'].each {
    assert info.contains('Wrote target/migration/' + it) : log.join('\n')
    assert new File(out, it).isFile() : it
}
assert !log.any { it.startsWith('[WARNING] ') && (it.contains(' [graph-') || it.contains('Cycle: ')) } : log.join('\n')
def er = new File(out, 'schema.mmd').text
assert er.contains('    OrderLines }o--|| orders : "OrderLines_order_id_fkey"') : er
assert er.contains('    orders }o--|| clients : "orders_customer_fk"') : er
assert new File(out, 'graph.html').text.contains('<svg xmlns=')

// Mermaid's parser (the one the Mermaid CLI uses, without the browser it needs for drawing), installed from the
// npm registry once per build into it/target/mermaid-check.
def node = ['node', 'npm'].every { cmd ->
    try { [cmd, '--version'].execute().waitFor() == 0 } catch (IOException e) { false }
}
if (!node) {
    println '*** SKIPPED: Mermaid parse check of graph-sample: node and npm are not on the PATH ***'
    return true
}
def check = new File(basedir, '../../mermaid-check').canonicalFile
check.mkdirs()
if (!new File(check, 'node_modules/mermaid/package.json').isFile() || !new File(check, 'node_modules/jsdom/package.json').isFile()) {
    def npm = ['npm', 'install', '--prefix', check.path, '--no-audit', '--no-fund', '--loglevel=error',
               'mermaid@11.12.1', 'jsdom@26.1.0'].execute()
    def npmOut = new StringBuilder()
    npm.consumeProcessOutput(npmOut, npmOut)
    assert npm.waitFor() == 0 : 'npm install of mermaid failed:\n' + npmOut
}
new File(check, 'parse.mjs').text = '''
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
let failed = 0;
for (const f of process.argv.slice(2)) {
  try {
    const r = await mermaid.parse(readFileSync(f, 'utf8'));
    console.log('parsed ' + f.replace(/.*[\\\\/]/, '') + ' as ' + r.diagramType);
  } catch (e) {
    failed++;
    console.log('FAILED ' + f + ': ' + (e.message || e));
  }
}
process.exit(failed ? 1 : 0);
'''
// the check is real: a broken diagram fails it
def broken = new File(basedir, 'target/broken.mmd')
broken.text = 'erDiagram\n    a {\n        bigint id PK\n    a }o--|| b : "x"\n'
def bad = ['node', new File(check, 'parse.mjs').path, broken.path].execute(null, check)
bad.consumeProcessOutput(new StringBuilder(), new StringBuilder())
assert bad.waitFor() != 0 : 'a broken diagram passed the Mermaid parse check'

def parse = ['node', new File(check, 'parse.mjs').path, new File(out, 'schema.mmd').path,
             new File(out, 'migrations.mmd').path].execute(null, check)
def parsed = new StringBuilder()
parse.consumeProcessOutput(parsed, parsed)
assert parse.waitFor() == 0 : parsed
assert parsed.readLines() == ['parsed schema.mmd as er', 'parsed migrations.mmd as flowchart-v2'] : parsed
println parsed
return true

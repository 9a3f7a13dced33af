<?php
// Engine and Results through PHP FFI: adding, matching with filters and explanations, batches, and
// bad input (null, invalid UTF-8, k = 0, a closed engine) as exceptions with the library's message.
declare(strict_types=1);

require __DIR__ . '/harness.php';

use Skillmatch\Engine;
use Skillmatch\Exception;
use Skillmatch\Hit;
use Skillmatch\Side;

$schema = ['format' => 'skillmatch-attribute-schema', 'version' => 1, 'side' => 'candidates', 'attributes' => [
    'jlpt' => ['type' => 'ordinal', 'values' => ['N5', 'N4', 'N3', 'N2', 'N1']],
    'remote_ok' => ['type' => 'boolean'],
]];
$candidates = [
    ['id' => 'c-py', 'skills' => ['Python', 'Django', 'PostgreSQL'], 'attributes' => ['jlpt' => 'N2', 'remote_ok' => true]],
    ['id' => 'c-java', 'skills' => ['Java', 'Spring'], 'attributes' => ['jlpt' => 'N4', 'remote_ok' => false]],
    ['id' => 'c-ml', 'skills' => ['Python', 'TensorFlow', '機械学習'], 'attributes' => ['jlpt' => 'N3', 'remote_ok' => true]],
];
$job = ['id' => 'j-1', 'skills' => [['name' => 'python', 'required' => true], 'django', 'postgres']];

$engine = new Engine(candidateSchema: $schema, dimension: 32, threads: 2);

test('upsert() of a list of arrays, size(), dimension()', function () use ($engine, $candidates) {
    check_same(3, $engine->upsert(Side::Candidate, $candidates), 'added');
    check_same(3, $engine->size(Side::Candidate), 'candidates');
    check_same(0, $engine->size(Side::Job), 'jobs');
    check_same(32, $engine->dimension(), 'dimension');
});

test('match() ranks by skills, respects the filter, explains the score', function () use ($engine, $job) {
    $results = $engine->match($job, Side::Job, k: 3, explain: true);
    check_same(3, count($results), 'count');
    check_same('c-py', $results->id(0), 'best match');
    check_same('j-1', $results->queryId(), 'query id');
    $scores = array_map(fn (Hit $h) => $h->score, $results->toArray());
    for ($i = 1; $i < count($scores); $i++) {
        check($scores[$i] <= $scores[$i - 1], 'best first');
    }
    $best = $results->at(0);
    $total = array_sum(array_column($best->explanation['parts'], 'contribution'));
    check(abs($total - $best->score) < 1e-6, "parts add up to the score ($total vs {$best->score})");
    check_same('python', $best->explanation['requirements'][0]['skill'], 'first requirement');

    $filtered = $engine->match($job, filter: 'jlpt >= N3 and remote_ok', k: 10);
    check_same(2, $filtered->admitted(), 'admitted by the filter');
    $ids = array_map(fn (Hit $h) => $h->id, iterator_to_array($filtered, false));
    sort($ids);
    check_same(['c-ml', 'c-py'], $ids, 'ids passing the filter');
    check_same(null, $filtered->at(0)->explanation, 'no explanation unless asked');
    check(str_contains($filtered->json(), '"matches"'), 'results JSON');
});

test('options reach the library: preferences, weights, requiredAsFilter', function () use ($engine) {
    $job = ['id' => 'j-2', 'skills' => [['name' => 'java', 'required' => true]]];
    $vectorOnly = $engine->match($job, k: 1, explain: true, weightVector: 1.0, weightRequired: 0.0, weightPreferred: 0.0,
                                 weightPreferences: 0.0, requiredAsFilter: false, mustThreshold: 0.5, similarityFloor: 0.2,
                                 specificity: 0.5, rerankDepth: 50, threads: 1);
    $parts = $vectorOnly->at(0)->explanation['parts'];
    check(abs($parts['vector']['weight'] - 1.0) < 1e-9, 'all weight on the vector part');
    check(abs($parts['vector']['value'] - $vectorOnly->score(0)) < 1e-6, 'score = the vector part');
    $preferring = $engine->match($job, k: 3, explain: true, preferences: ['remote_ok = true' => 2.0]);
    $prefs = $preferring->at(0)->explanation['preferences'];
    check_same('remote_ok = true', $prefs[0]['expression'], 'the preference is explained');
    check_throws(Exception\InvalidArgumentException::class, 'skm_engine_match_json', fn () => $engine->match($job, weightVector: -1.0));
});

test('matchId() and matchAll() on stored profiles; remove()', function () use ($engine, $job) {
    check_same(1, $engine->upsert(Side::Job, json_encode($job)), 'job added from JSON text');
    check_same('c-py', $engine->matchId(Side::Job, 'j-1', k: 1)->id(0), 'stored job');
    $all = $engine->matchAll(Side::Job, k: 2);
    check_same(1, count($all), 'one result set per stored job');
    check_same(2, count($all[0]), 'k per result set');
    check_throws(Exception\NotFoundException::class, 'nope', fn () => $engine->matchId(Side::Job, 'nope'));
    check_same(true, $engine->remove(Side::Job, 'j-1'), 'removed');
    check_same(false, $engine->remove(Side::Job, 'j-1'), 'already gone');
});

test('bad input: null, invalid UTF-8, NUL byte, k = 0, bad JSON, bad filter', function () use ($engine, $job) {
    check_throws(Exception\NullArgumentException::class, 'skm_engine_match_json: profile_json is NULL', fn () => $engine->match(null));
    check_throws(Exception\NullArgumentException::class, 'skm_engine_upsert_json: json is NULL', fn () => $engine->upsert(Side::Candidate, null));
    check_throws(Exception\NullArgumentException::class, 'skm_engine_remove: id is NULL', fn () => $engine->remove(Side::Candidate, null));
    check_throws(Exception\InvalidArgumentException::class, 'not valid UTF-8', fn () => $engine->match("{\"id\": \"x\xC0\", \"skills\": [\"python\"]}"));
    check_throws(Exception\InvalidArgumentException::class, 'not valid UTF-8', fn () => $engine->match($job, filter: "jlpt = \"\xFF\""));
    check_throws(Exception\InvalidArgumentException::class, 'filter contains a NUL byte', fn () => $engine->match($job, filter: "jlpt >= N3\0 or 1"));
    check_throws(Exception\InvalidArgumentException::class, 'options->k is 0', fn () => $engine->match($job, k: 0));
    check_throws(Exception\InvalidArgumentException::class, 'k must not be negative', fn () => $engine->match($job, k: -5));
    check_throws(Exception\InvalidArgumentException::class, 'expected 1..1000000', fn () => $engine->match($job, k: 1000001));
    check_throws(Exception\ParseException::class, 'position', fn () => $engine->match($job, filter: 'jlpt >>= N3'));
    check_throws(Exception\NotFoundException::class, 'salary', fn () => $engine->match($job, filter: 'salary > 3'));
    $before = $engine->size(Side::Candidate);
    check_throws(Exception\ParseException::class, 'json:2', fn () => $engine->upsert(Side::Candidate, "{\"id\": \"ok\", \"skills\": [\"go\"]}\n{broken"));
    check_same($before, $engine->size(Side::Candidate), 'a parse error adds nothing');
    check_throws(Exception\InvalidArgumentException::class, 'cannot be encoded as JSON', fn () => $engine->match(['id' => "bad\xFF"]));
});

test('bad engine options are the library\'s errors', function () {
    check_throws(Exception\InvalidArgumentException::class, 'skm_engine_create', fn () => new Engine(dimension: 0));
    check_throws(Exception\InvalidArgumentException::class, 'min_confidence', fn () => new Engine(minConfidence: 2.0));
    check_throws(Exception\ParseException::class, 'skm_engine_create', fn () => new Engine(candidateSchema: '{not json'));
});

test('results outlive a closed engine; a closed engine is NullArgumentException, never a crash', function () use ($schema, $candidates, $job) {
    $own = new Engine(candidateSchema: $schema, dimension: 16, threads: 1);
    $own->upsert(Side::Candidate, $candidates);
    $results = $own->match($job, k: 2, explain: true);
    $taxonomy = $own->taxonomy();
    $own->close();
    check_same(2, count($results), 'results still readable');
    check_same('c-py', $results->at(0)->id, 'results still readable');
    check_same('Python', $taxonomy->concept('onet:tech:Python')->label, 'the engine\'s taxonomy still readable');
    $e = check_throws(Exception\NullArgumentException::class, 'skm_engine_match_json: engine is NULL', fn () => $own->match($job));
    check_same(11, $e->getStatus(), 'status');
    check_throws(Exception\NullArgumentException::class, 'engine is NULL', fn () => $own->upsert(Side::Candidate, $candidates));
    check_throws(Exception\NullArgumentException::class, 'engine is NULL', fn () => $own->size(Side::Job));
    check_throws(Exception\NullArgumentException::class, 'taxonomy is closed', fn () => new Engine(taxonomy: (function () {
        $t = \Skillmatch\Taxonomy::bundled();
        $t->close();
        return $t;
    })()));
    $results->close();
    check_throws(Exception\NullArgumentException::class, 'results is NULL', fn () => $results->id(0));
});

test('an index past the end is the library\'s InvalidArgumentException', function () use ($engine, $job) {
    $results = $engine->match($job, k: 1);
    check_throws(Exception\InvalidArgumentException::class, 'skm_results_id', fn () => $results->id(5));
});

test('handles are released when the last reference goes (2,000 queries, no growth of the C heap)', function () use ($engine, $job) {
    if (str_contains((string) getenv('LD_PRELOAD'), 'asan')) {
        echo "    (RSS check skipped: AddressSanitizer's quarantine keeps freed memory)\n";
        return;
    }
    // __destruct frees each Results at once. Never freeing them grows RSS by about 630 kB over
    // 2,000 such queries (measured with raw FFI calls); the binding stays within tens of kB.
    $rss = static function (): int {
        preg_match('/^VmRSS:\s+(\d+)/m', (string) file_get_contents('/proc/self/status'), $m);
        return (int) $m[1];
    };
    for ($i = 0; $i < 200; $i++) {
        $engine->match($job, k: 3, explain: true)->at(0);
    }
    $before = $rss();
    for ($i = 0; $i < 2000; $i++) {
        $engine->match($job, k: 3, explain: true)->at(0);
    }
    $growth = $rss() - $before;
    check($growth < 300, "RSS grew by $growth kB over 2,000 queries");
});

finish();

<?php
// Taxonomy through PHP FFI: lookups, resolve, similar, and bad input as exceptions with the library's message.
declare(strict_types=1);

require __DIR__ . '/harness.php';

use Skillmatch\Exception;
use Skillmatch\Taxonomy;

$taxonomy = Taxonomy::bundled();

test('the bundled taxonomy has its concepts', function () use ($taxonomy) {
    check($taxonomy->size() > 10000, 'more than 10,000 concepts, got ' . $taxonomy->size());
});

test('concept() gives label and kind; an unknown id is NotFoundException naming it', function () use ($taxonomy) {
    $concept = $taxonomy->concept('onet:tech:Python');
    check_same('Python', $concept->label, 'label');
    check_same('technology', $concept->kind, 'kind');
    $e = check_throws(Exception\NotFoundException::class, 'no:such:id', fn () => $taxonomy->concept('no:such:id'));
    check_same(4, $e->getStatus(), 'status');
    check_same('not_found', $e->getStatusName(), 'status name');
});

test('resolve() reads free text, Japanese and typos; unknown text gives []', function () use ($taxonomy) {
    check_same('onet:tech:Node.js', $taxonomy->resolve('nodejs')[0]->id, 'nodejs');
    $typo = $taxonomy->resolve('Pyhton');
    check($typo !== [] && $typo[0]->label === 'Python' && $typo[0]->detail === 'fuzzy', 'Pyhton -> Python by fuzzy');
    check_same([], $taxonomy->resolve('Pyhton', fuzzy: false), 'no fuzzy fallback when turned off');
    check($taxonomy->resolve('機械学習') !== [], '機械学習 resolves');
    check_same([], $taxonomy->resolve('qwzxv plorf'), 'unknown text');
    check_same([], $taxonomy->resolve('python', maxResults: 0), 'maxResults 0');
});

test('similar() and similarity()', function () use ($taxonomy) {
    $similar = $taxonomy->similar('onet:tech:Python', 5);
    check(count($similar) >= 1 && count($similar) <= 5, 'between 1 and 5 neighbours');
    foreach ($similar as $item) {
        check($item->score > 0 && $item->score <= 1, "score in (0, 1]: {$item->score}");
    }
    check_same(1.0, $taxonomy->similarity('onet:tech:Python', 'onet:tech:Python'), 'sim(a, a)');
});

test('bad input: null, invalid UTF-8, NUL byte, k = 0, negative k', function () use ($taxonomy) {
    check_throws(Exception\NullArgumentException::class, 'skm_taxonomy_resolve: text is NULL', fn () => $taxonomy->resolve(null));
    check_throws(Exception\NullArgumentException::class, 'skm_taxonomy_concept: id is NULL', fn () => $taxonomy->concept(null));
    check_throws(Exception\InvalidArgumentException::class, 'not valid UTF-8', fn () => $taxonomy->resolve("caf\xC3"));
    check_throws(Exception\InvalidArgumentException::class, 'not valid UTF-8', fn () => $taxonomy->similarity("\xFF", 'onet:tech:Python'));
    check_throws(Exception\InvalidArgumentException::class, 'NUL byte at offset 2', fn () => $taxonomy->resolve("py\0thon"));
    check_throws(Exception\InvalidArgumentException::class, 'skm_taxonomy_similar: k must be >= 1', fn () => $taxonomy->similar('python', 0));
    check_throws(Exception\InvalidArgumentException::class, 'k must not be negative', fn () => $taxonomy->similar('python', -1));
    check_throws(Exception\NotFoundException::class, 'skm_taxonomy_similar', fn () => $taxonomy->similar('qwzxv plorf', 3));
});

test('load() of a missing file is IOException naming the path; null path is the library\'s NULL error', function () {
    check_throws(Exception\IOException::class, '/no/such/taxonomy.tsv', fn () => Taxonomy::load('/no/such/taxonomy.tsv'));
    check_throws(Exception\InvalidArgumentException::class, 'path_count', fn () => Taxonomy::load([]));
    check_throws(Exception\NullArgumentException::class, 'NULL', fn () => Taxonomy::load([null]));
});

test('a closed taxonomy gives NullArgumentException, close() twice is fine', function () {
    $own = Taxonomy::bundled();
    $own->close();
    $own->close();
    check($own->isClosed(), 'isClosed()');
    check_throws(Exception\NullArgumentException::class, 'skm_taxonomy_size: taxonomy is NULL', fn () => $own->size());
    check_throws(Exception\NullArgumentException::class, 'taxonomy is NULL', fn () => $own->resolve('python'));
});

test('every exception is a SkillmatchException and a RuntimeException', function () use ($taxonomy) {
    $e = check_throws(Exception\SkillmatchException::class, 'parse', fn () => Taxonomy::load(__FILE__));
    check($e instanceof RuntimeException, 'RuntimeException');
    check($e instanceof Exception\ParseException, 'this file is not a taxonomy: ParseException, got ' . get_class($e));
    check_same($e->getStatusName() . ': ' . $e->getDetail(), $e->getMessage(), 'message = name: detail');
});

finish();

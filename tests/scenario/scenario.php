<?php
// The cross-language scenario in PHP (README.md): prints `id<TAB>score` (6 decimals), best first.
// Usage: php -d ffi.enable=1 scenario.php [scenario.conf]; the library from SKILLMATCH_LIBRARY.
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Skillmatch\Engine;
use Skillmatch\Side;

function fail(string $message): never
{
    fwrite(STDERR, "scenario.php: $message\n");
    exit(1);
}

$confPath = $argv[1] ?? __DIR__ . '/scenario.conf';
$conf = [];
foreach (file($confPath, FILE_IGNORE_NEW_LINES) as $number => $line) {
    $line = trim($line);
    if ($line === '' || $line[0] === '#') {
        continue;
    }
    if (!str_contains($line, '=')) {
        fail("$confPath:" . ($number + 1) . ': expected key = value');
    }
    [$key, $value] = explode('=', $line, 2);
    $conf[trim($key)] = trim($value);
}
$base = dirname(realpath($confPath));
$text = static fn (string $key): string => file_get_contents("$base/{$conf[$key]}");

if ($conf['taxonomy'] !== 'bundled') {
    fail('only taxonomy = bundled is supported');
}
$k = (int) $conf['k'];
$explain = $conf['explain'] === 'true';

$engine = new Engine(candidateSchema: $text('candidate_schema'));
$candidates = $text('candidates');
$expected = count(array_filter(explode("\n", $candidates), static fn ($l) => trim($l) !== ''));
$added = $engine->upsert(Side::Candidate, $candidates);
if ($added !== $expected) {
    fail("$added candidates added, expected $expected");
}
$results = $engine->match(trim($text('job')), Side::Job, k: $k, filter: $conf['filter'], explain: $explain);
foreach ($results as $hit) {
    if ($explain) {
        // The explanation must account for the score: its parts' contributions add up to it.
        $total = array_sum(array_column($hit->explanation['parts'] ?? [], 'contribution'));
        if (abs($total - $hit->score) > 1e-4) {
            fail("{$hit->id}: parts add up to $total, score {$hit->score}");
        }
    }
    // sprintf('%.6f') rounds the double as C's printf does (both correctly rounded).
    printf("%s\t%.6f\n", $hit->id, $hit->score);
}

<?php
// Binding overhead (README.md): median time of one top-10 match through the PHP FFI client,
// reading the 10 ids and scores. Usage: php -d ffi.enable=1 bench_match.php <scenario dir> <iterations> <candidates>
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

use Skillmatch\Engine;
use Skillmatch\Side;

[$dir, $iterations, $limit] = [$argv[1], (int) $argv[2], (int) $argv[3]];
$engine = new Engine(candidateSchema: file_get_contents("$dir/candidates.schema.json"), threads: 1);
$lines = array_slice(explode("\n", trim(file_get_contents("$dir/candidates.jsonl"))), 0, $limit);
$engine->upsert(Side::Candidate, implode("\n", $lines));
$job = file_get_contents("$dir/job.json");
$samples = [];
$checksum = 0.0;
for ($i = -intdiv($iterations, 10); $i < $iterations; $i++) {
    $start = hrtime(true);
    $results = $engine->match($job, Side::Job, k: 10);
    foreach ($results as $hit) {
        $checksum += $hit->score + ord($hit->id[0]);
    }
    unset($results);                       // __destruct frees the handle, inside the timed region
    $elapsed = hrtime(true) - $start;
    if ($i >= 0) {
        $samples[] = $elapsed;
    }
}
sort($samples);
printf("php\t%.2f\t%.0f\n", $samples[intdiv($iterations, 2)] / 1000.0, $checksum);

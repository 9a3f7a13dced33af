<?php
// Worked example (docs/bindings.md): the best candidates for one job, with what met each skill.
// Run from the repository root:
//   SKILLMATCH_LIBRARY=build/libskillmatch.so php -d ffi.enable=1 bindings/php/examples/match_job.php [data/sample]
declare(strict_types=1);

require __DIR__ . '/../autoload.php';   // with Composer: require 'vendor/autoload.php';

use Skillmatch\Engine;
use Skillmatch\Exception\ParseException;
use Skillmatch\Side;

$data = $argv[1] ?? 'data/sample';

$job = [
    'id' => 'J-demo',
    'title' => 'Machine learning engineer',
    'skills' => [
        ['name' => 'Python', 'required' => true, 'years' => 2],
        ['name' => '機械学習', 'required' => true],   // Japanese labels resolve too
        'TensorFlow',
        'Docker',
        ['name' => 'AWS', 'weight' => 0.5],
    ],
];

// Bundled taxonomy, learned vectors; released when $engine goes out of scope.
$engine = new Engine(candidateSchema: file_get_contents("$data/candidates.schema.json"));
$engine->upsertFile(Side::Candidate, "$data/candidates.jsonl");
try {
    $results = $engine->match($job, Side::Job, k: 5, filter: 'jlpt >= N4 and not visa_refused', explain: true);
} catch (ParseException $e) {                  // e.g. a typo in the filter: getDetail() has the position
    fwrite(STDERR, 'bad query: ' . $e->getDetail() . "\n");
    exit(1);
}

printf("%d of %d candidates passed the filter\n", $results->admitted(), $engine->size(Side::Candidate));
foreach ($results as $hit) {
    $parts = array_map(fn ($part) => round($part['contribution'], 3), $hit->explanation['parts']);
    printf("%s  %.3f  %s\n", $hit->id, $hit->score, json_encode($parts));
    foreach ($hit->explanation['requirements'] as $requirement) {
        $by = $requirement['matched_by'];
        printf("    %-12s met by %s\n", $requirement['skill'],
            $by ? sprintf('%s (similarity %.2f)', $by['skill'], $requirement['similarity']) : 'nothing');
    }
    if ($hit->explanation['missing_required']) {
        echo '    missing must-haves: ', implode(', ', $hit->explanation['missing_required']), "\n";
    }
}

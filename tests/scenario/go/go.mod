module skillmatch/tests/scenario/go

go 1.19

require skillmatch/bindings/go v0.0.0

replace skillmatch/bindings/go => ../../../bindings/go

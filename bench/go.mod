module github.com/eventlint/eventlint/bench

go 1.26.0

require github.com/eventlint/eventlint v0.0.0

require github.com/asaskevich/EventBus v0.0.0-20200907212545-49d423059eef

replace github.com/eventlint/eventlint => ../

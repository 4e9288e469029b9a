def most_repairs(costs, budget):
    done = 0
    spent = 0
    for cost in sorted(costs):
        if spent + cost > budget:
            break
        spent += cost
        done += 1
    return done
